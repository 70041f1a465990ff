// Mocha reporter for the unit tier: the usual Spec output, then {passed, failed} written to the file named
// by the environment variable SOURCE_ANNOTATOR_TIER_RESULT (scripts/test-all.mjs reads it).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

const { Spec } = Mocha.reporters;
const { EVENT_RUN_END } = Mocha.Runner.constants;

class SummaryReporter extends Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      const file = process.env.SOURCE_ANNOTATOR_TIER_RESULT;
      if (!file) return;
      const stats = runner.stats || {};
      // stats.failures also counts failed hooks, which is what a reader of the summary wants
      const result = { passed: stats.passes || 0, failed: stats.failures || 0, pending: stats.pending || 0 };
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(result, null, 2));
    });
  }
}

SummaryReporter.description = 'Spec, plus {passed, failed} written to $SOURCE_ANNOTATOR_TIER_RESULT';
module.exports = SummaryReporter;
