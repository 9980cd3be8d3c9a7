import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { workspaceRoot } from '@tendril/shared/launcher';

/** Seeds the demo data `npm start` seeds (tools/platform/seed-demo.ts) into a running platform. */
export const runDemoSeed = async (baseUrl: string): Promise<string> => {
  const script = `require('./tools/platform/seed-demo').seedDemoData(process.argv[1]).then((summary) => console.log(summary), (error) => { console.error(error); process.exit(1); })`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', '-e', script, `${baseUrl}/graphql`], {
    cwd: workspaceRoot,
    timeout: 120_000,
  });
  return stdout;
};
