import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const WORKSPACE = path.resolve(__dirname, '../../../..');
const GENERATOR = 'tools/docs/event-catalogue.ts';
const REGENERATE = `node -r @swc-node/register ${GENERATOR}`;
const CATALOGUE = 'docs/event-catalogue.md';

interface Run {
  readonly code: number;
  readonly output: string;
}

/** The generator as a person runs it, with `--check`, against this workspace or a copy of it. */
const check = (root = WORKSPACE): Promise<Run> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', GENERATOR, '--check', '--root', root],
      { cwd: WORKSPACE, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: `${stdout}${stderr}` }),
    );
  });

/** A throwaway copy of what the generator reads: the libraries, the apps, the docs and the path aliases. */
const copyWorkspace = (): string => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'tendril-docs-'));
  for (const entry of ['libs', 'apps', 'docs', 'tsconfig.base.json']) {
    fs.cpSync(path.join(WORKSPACE, entry), path.join(copy, entry), {
      recursive: true,
      filter: (source) => !source.includes(`${path.sep}node_modules`),
    });
  }
  return copy;
};

const edit = (root: string, file: string, change: (text: string) => string) => {
  const absolute = path.join(root, file);
  const before = fs.readFileSync(absolute, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`The test's edit of ${file} changed nothing: the file no longer looks as the test expects`);
  fs.writeFileSync(absolute, after);
};

/** The field names the committed catalogue lists for one event. */
const catalogueFields = (type: string): string[] => {
  const text = fs.readFileSync(path.join(WORKSPACE, CATALOGUE), 'utf8');
  const start = text.indexOf(`#### \`${type}\``);
  if (start < 0) throw new Error(`${CATALOGUE} has no section for ${type}`);
  const end = text.indexOf('\n#### ', start + 1);
  const section = text.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1] ?? '');
};

describe('The event catalogue and the context map', () => {
  const copies: string[] = [];
  // The two broken copies are checked concurrently: each check is a TypeScript program of its own.
  let staleField: Promise<Run>;
  let unhandledEvent: Promise<Run>;

  beforeAll(() => {
    const withNewField = copyWorkspace();
    edit(withNewField, 'libs/tender/contracts/src/lib/tender-integration-events.ts', (text) =>
      text.replace('export interface TenderClosedV1Data {\n  readonly tenderId: TenderId;', 'export interface TenderClosedV1Data {\n  readonly tenderId: TenderId;\n  readonly closedBy: string;'),
    );
    const withoutReaction = copyWorkspace();
    edit(withoutReaction, 'libs/subcontracting/application/src/lib/subcontracting.reactions.ts', (text) =>
      text.replace(/event\.type !== LOT_AWARDED_V1/g, "event.type !== 'tender.contract-awarded.v1'").replace(/LOT_AWARDED_V1, /g, ''),
    );
    copies.push(withNewField, withoutReaction);
    staleField = check(withNewField);
    unhandledEvent = check(withoutReaction);
  });

  afterAll(async () => {
    await Promise.allSettled([staleField, unhandledEvent]);
    for (const copy of copies) fs.rmSync(copy, { recursive: true, force: true });
  });

  it('are what the code generates', async () => {
    const run = await check();
    if (run.code !== 0) {
      throw new Error(`The generated docs no longer match the code. Regenerate them with:\n\n  ${REGENERATE}\n\nand commit the result.\n\n${run.output}`);
    }
    expect(run.output).toContain('are up to date');
  }, 60_000);

  describe('when an event changes and the docs are not regenerated', () => {
    it('the check fails, names the command that regenerates them and shows the new field', async () => {
      const run = await staleField;
      expect(run.code).toBe(1);
      expect(run.output).toContain(`Regenerate with: ${REGENERATE}`);
      expect(run.output).toContain('+| `closedBy` | `string` |  |');
    }, 60_000);
  });

  describe("when the code stops matching the generator's reaction table", () => {
    it('the check fails and says which file no longer handles which event', async () => {
      const run = await unhandledEvent;
      expect(run.code).toBe(1);
      expect(run.output).toContain(
        "Reaction of contracts-from-awards to tender.lot-awarded.v1: libs/subcontracting/application/src/lib/subcontracting.reactions.ts does not mention 'tender.lot-awarded.v1' or LOT_AWARDED_V1",
      );
    }, 60_000);
  });

  describe('as committed, shows the sealing rules in what bidding publishes', () => {
    const sealed = ['organisationId', 'pricePence', 'qualityAnswers', 'socialValueCommitments'];

    it('a bid stream holds the bidder and the offer', () => {
      expect(catalogueFields('BidSubmitted')).toEqual(expect.arrayContaining(sealed));
    });

    it('what is published before the deadline names neither', () => {
      for (const type of ['bidding.bid-received.v1', 'bidding.bid-withdrawn.v1']) {
        expect(catalogueFields(type)).toContain('bidId');
        expect(catalogueFields(type).filter((field) => sealed.some((name) => field.endsWith(name)))).toEqual([]);
      }
    });

    it('the bidders are named when the bids are opened, without their prices', () => {
      expect(catalogueFields('bidding.bids-opened.v1')).toContain('bids[].organisationId');
      expect(catalogueFields('bidding.bids-opened.v1').filter((field) => field.endsWith('pricePence'))).toEqual([]);
    });
  });
});
