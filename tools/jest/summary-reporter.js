// Prints what was skipped and why (skipped tests carry the reason in their names, e.g. the EventStoreDB
// contract suite without a server), then one plain closing line CI can read:
// "tests: N passed, N failed, N skipped".
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.testResults.flatMap((file) =>
      file.testResults.filter((test) => test.status === 'pending' || test.status === 'todo').map((test) => test.fullName),
    );
    for (const name of skipped) process.stdout.write(`\nskipped: ${name}`);
    const count = results.numPendingTests + results.numTodoTests;
    process.stdout.write(`\ntests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${count} skipped\n`);
  }
}
module.exports = SummaryReporter;
