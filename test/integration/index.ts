// The mocha suite loader run inside VS Code's extension host as `extensionTestsPath`, both by
// @vscode/test-electron (test/integration/runTest.ts) and by code-server (scripts/run-integration.mjs).
// It adds every *.test.js beside it, runs them (TDD ui), prints each result and, when the environment
// variable SOURCE_ANNOTATOR_TEST_RESULT names a file, writes {passed, failed, tests} there.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', timeout: 60000, color: false, reporter: 'spec' });
  // for a developer's run of a few tests: SOURCE_ANNOTATOR_TEST_GREP='a large folder' (never set on CI)
  if (process.env.SOURCE_ANNOTATOR_TEST_GREP) mocha.grep(process.env.SOURCE_ANNOTATOR_TEST_GREP);
  const testsRoot = __dirname;
  const files = fs.readdirSync(testsRoot).filter(f => f.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(path.join(testsRoot, f));
  console.log(`[source-annotator tests] ${files.length} test file(s): ${files.join(', ')}`);

  const resultFile = process.env.SOURCE_ANNOTATOR_TEST_RESULT;
  const tests: TestResult[] = [];
  const write = (passed: number, failed: number, error?: string): void => {
    if (!resultFile) return;
    try {
      fs.mkdirSync(path.dirname(resultFile), { recursive: true });
      fs.writeFileSync(resultFile, JSON.stringify({ passed, failed, tests, ...(error ? { error } : {}) }, null, 2));
    } catch (e) {
      console.error(`[source-annotator tests] could not write ${resultFile}: ${String(e)}`);
    }
  };

  return new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run(failures => {
        const passed = tests.filter(t => t.state === 'passed').length;
        const failed = tests.filter(t => t.state === 'failed').length;
        // `failures` also counts hook failures, which are not in `tests`
        const failedTotal = Math.max(failed, failures);
        console.log(`[source-annotator tests] ${passed} passed, ${failedTotal} failed`);
        write(passed, failedTotal);
        if (failedTotal > 0) reject(new Error(`${failedTotal} test(s) failed.`));
        else resolve();
      });
      runner.on('pass', test => {
        tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration });
      });
      runner.on('fail', (test, err: Error) => {
        tests.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration, error: err?.stack || String(err) });
      });
      runner.on('pending', test => {
        tests.push({ title: test.fullTitle(), state: 'pending' });
      });
    } catch (e) {
      // a test file that throws while loading ends up here
      console.error(e);
      write(0, 1, e instanceof Error ? e.stack : String(e));
      reject(e);
    }
  });
}
