// Stands in for a third-party analytics tag: it says when it runs.
window.exampleLog?.('stats.js ran (external, data-consent="analytics")')
