// The standard @vscode/test-electron runner: downloads a VS Code build (needs internet, or a cached
// .vscode-test/) and runs the integration suite in it. `npm run test:electron`.
// Offline (and in CI) the same suite runs in code-server instead: scripts/run-integration.mjs.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  // this file is out/test/integration/runTest.js -> the repository root is three levels up
  const extensionDevelopmentPath = path.resolve(__dirname, '..', '..', '..');
  const extensionTestsPath = path.resolve(__dirname, 'index');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'source-annotator-electron-'));
  const workspace = path.join(tmp, 'sample-corpus');
  fs.cpSync(path.join(extensionDevelopmentPath, 'sample-corpus'), workspace, { recursive: true });
  const resultFile = path.join(tmp, 'result.json');
  try {
    await runTests({
      extensionDevelopmentPath,
      extensionTestsPath,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      extensionTestsEnv: {
        SOURCE_ANNOTATOR_TEST_RESULT: resultFile,
        SOURCE_ANNOTATOR_TEST_WORKSPACE: workspace,
      },
    });
    console.log('Integration tests passed.');
  } catch (err) {
    console.error('Integration tests failed:', err instanceof Error ? err.message : err);
    process.exitCode = 1;
  } finally {
    if (fs.existsSync(resultFile)) {
      const r = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as { passed: number; failed: number };
      console.log(`${r.passed} passed, ${r.failed} failed`);
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

void main();
