// Renders the event model and the checked table as docs/event-catalogue.md. Deterministic: the same code
// always gives the same bytes, so the file can be compared in a test.
import type { CatalogueEvent, EventModel } from './event-declarations';
import type { CatalogueTable } from './catalogue-verification';
import type { RootField } from './graphql-operations';

export interface SubgraphSurface {
  readonly rootFields: readonly RootField[];
  readonly federatedEntities: readonly string[];
}

export const REGENERATE_COMMAND = 'node -r @swc-node/register tools/docs/event-catalogue.ts';

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
const anchor = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');

const code = (text: string) => `\`${text}\``;
const cell = (text: string) => text.replace(/\|/g, '\\|');
const link = (type: string, page = '') => `[${code(type)}](${page}#${anchor(type)})`;

export const renderCatalogue = (model: EventModel, table: CatalogueTable, contexts: readonly string[]): string => {
  const out: string[] = [];
  const line = (text = '') => out.push(text);
  const reactionsTo = (type: string) => table.reactions.filter((reaction) => reaction.on === type);
  const publisherOf = (typesExport: string | undefined) => table.publishers.find((publisher) => publisher.publishes === typesExport);
  const typesExportOf = (type: string) => model.events.find((event) => event.type === type)?.typesExport;

  line('# Event catalogue');
  line();
  line(`<!-- Generated from the code by tools/docs/event-catalogue.ts. Do not edit by hand: run ${REGENERATE_COMMAND} -->`);
  line();
  line('Every event Tendril stores, read from the code: the `*_EVENT_TYPES` arrays exported by the domain');
  line('libraries and the `*_INTEGRATION_EVENT_TYPES` arrays exported by the contracts libraries, each event with');
  line("the fields of its `data` as its TypeScript declaration has them (descriptions are the declarations' doc");
  line('comments). Every stored event also carries metadata: `eventId`, `schemaVersion`, `occurredAt`,');
  line('`correlationId`, `causationId` and `actor` (`libs/shared/event-store/src/lib/event.ts`).');
  line();
  line('- **Domain events** stay inside their context: its decider folds them when it loads the stream, and only');
  line('  its own read models and reactions handle them.');
  line('- **Integration events** are the published language (`libs/<context>/contracts`) that other contexts');
  line("  consume. A service's integration publisher translates its domain events with the domain library's");
  line('  `to...IntegrationEvents` and appends the result to the integration streams.');
  line('- **Reacted to by** lists the read models (projections that update tables) and the reactions (which');
  line('  issue commands) that handle an event. It comes from the table in `tools/docs/event-catalogue.table.ts`;');
  line('  the generator checks every entry against the source file it names, and fails when production code');
  line('  consumes an integration event that the table does not list.');
  line();
  line('Regenerate it after changing an event or a reaction:');
  line();
  line('```sh');
  line(REGENERATE_COMMAND);
  line(`${REGENERATE_COMMAND} --check   # compares only: exits 1 and prints the difference when this file is stale`);
  line('```');
  line();
  line('`apps/platform-e2e/src/docs/event-catalogue.int-spec.ts` fails while this file is stale.');
  line();

  line('## Overview');
  line();
  line('| event | kind | context | stream | published as / translated from | reacted to by |');
  line('|---|---|---|---|---|---|');
  for (const context of contexts) {
    for (const event of model.events.filter((e) => e.context === context)) {
      const handlers = [...new Set(reactionsTo(event.type).map((r) => `${r.handler.name} (${r.handler.context})`))];
      const translation =
        event.kind === 'domain'
          ? model.translations.filter((t) => t.from === event.type).map((t) => `→ ${code(t.to)}`)
          : model.translations.filter((t) => t.to === event.type).map((t) => `← ${code(t.from)}`);
      line(`| ${link(event.type)} | ${event.kind} | ${context} | ${code(event.stream)} | ${translation.join(', ') || '—'} | ${handlers.join(', ') || '—'} |`);
    }
  }
  line();

  const renderEvent = (event: CatalogueEvent) => {
    line(`#### ${code(event.type)}`);
    line();
    if (event.kind === 'domain') {
      const published = model.translations.filter((t) => t.from === event.type);
      const by = (to: string) => {
        const publisher = publisherOf(typesExportOf(to));
        return publisher ? ` by \`${publisher.name}\` (${publisher.service})` : '';
      };
      line(published.length > 0 ? `- Published as ${published.map((t) => `${link(t.to)}${by(t.to)}`).join(', ')}.` : '- Not published to other contexts.');
    } else {
      const sources = model.translations.filter((t) => t.to === event.type);
      const own = table.publishers.filter((publisher) => publisher.events?.includes(event.type));
      if (own.length > 0) {
        line(
          `- Published by ${own.map((p) => `\`${p.name}\` (${p.service}) on ${code(p.streamFunction ?? event.streamFunction)}, from ${code(p.translator.file)}`).join('; ')}.`,
        );
      } else {
        line(sources.length > 0 ? `- Translated from ${sources.map((t) => link(t.from)).join(', ')}.` : '- No domain event is translated to it yet.');
      }
    }
    const reactions = reactionsTo(event.type);
    if (reactions.length === 0) {
      line(`- Reacted to by: ${event.kind === 'integration' ? 'no consumer yet' : 'no read model or reaction'}.`);
    } else {
      line('- Reacted to by:');
      for (const reaction of reactions) {
        const { handler } = reaction;
        line(`  - \`${handler.name}\` (${handler.kind}, ${handler.service}, \`${handler.file}\`): ${reaction.does}`);
      }
    }
    line();
    if (event.fields.length === 0) {
      line('No fields.');
    } else {
      line('| field | type | notes |');
      line('|---|---|---|');
      for (const field of event.fields) line(`| ${code(field.path)} | ${code(cell(field.type))} | ${cell(field.description)} |`);
    }
    line();
  };

  for (const context of contexts) {
    const events = model.events.filter((e) => e.context === context);
    if (events.length === 0) continue;
    line(`## ${context}`);
    line();
    const groups = [...new Set(events.map((e) => e.typesExport))];
    for (const typesExport of groups) {
      const members = events.filter((e) => e.typesExport === typesExport);
      const first = members[0];
      if (!first) continue;
      line(`### ${first.kind === 'domain' ? 'Domain' : 'Integration'} events: ${code(typesExport)} in ${code(first.library)}`);
      line();
      const publisher = publisherOf(typesExport);
      const translated = members.some((member) => model.translations.some((t) => t.to === member.type));
      line(
        first.kind === 'integration' && publisher && translated
          ? `Stream ${code(first.stream)} (${code(first.streamFunction)}), appended by \`${publisher.name}\` in ${publisher.service}.`
          : `Stream ${code(first.stream)} (${code(first.streamFunction)}).`,
      );
      line();
      members.forEach(renderEvent);
    }
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
};

/** The parts of docs/context-map.md that are generated: which streams each context writes, and who consumes what. */
export const renderContextMapSections = (
  model: EventModel,
  table: CatalogueTable,
  contexts: readonly string[],
  subgraphs: Readonly<Record<string, SubgraphSurface>>,
): Record<string, string> => {
  const api: string[] = ['| context | queries | mutations | federated entities (`@key`) |', '|---|---|---|---|'];
  const field = (f: RootField) => (f.roles.length > 0 ? `${code(f.name)} (${f.roles.join(', ')})` : code(f.name));
  for (const context of contexts) {
    const fields = subgraphs[context]?.rootFields ?? [];
    const entities = subgraphs[context]?.federatedEntities ?? [];
    const queries = fields.filter((f) => f.kind === 'query').map(field);
    const mutations = fields.filter((f) => f.kind === 'mutation').map(field);
    api.push(`| ${context} | ${queries.join(', ') || '—'} | ${mutations.join(', ') || '—'} | ${entities.map(code).join(', ') || 'none'} |`);
  }

  const streams: string[] = ['| context | stream | kind | events |', '|---|---|---|---|'];
  for (const context of contexts) {
    const events = model.events.filter((e) => e.context === context);
    for (const typesExport of [...new Set(events.map((e) => e.typesExport))]) {
      const members = events.filter((e) => e.typesExport === typesExport);
      const first = members[0];
      if (!first) continue;
      streams.push(`| ${context} | ${code(first.stream)} | ${first.kind} | ${members.map((e) => link(e.type, 'event-catalogue.md')).join(', ')} |`);
    }
  }

  const flows: string[] = ['| published by | integration event | consumed by | what happens |', '|---|---|---|---|'];
  for (const context of contexts) {
    for (const event of model.events.filter((e) => e.context === context && e.kind === 'integration')) {
      const target = link(event.type, 'event-catalogue.md');
      const consumers = table.reactions.filter((reaction) => reaction.on === event.type);
      if (consumers.length === 0) flows.push(`| ${context} | ${target} | no consumer yet | |`);
      for (const { handler, does } of consumers) {
        flows.push(`| ${context} | ${target} | ${handler.context}: \`${handler.name}\` (${handler.kind}, ${handler.service}) | ${cell(does)} |`);
      }
    }
  }
  // Context-to-context edges of the diagram: every integration event one context consumes from another.
  const services = new Map<string, string>(
    [...table.publishers, ...table.reactions.map((reaction) => reaction.handler)].map((entry) => [entry.context, entry.service]),
  );
  const diagram = [
    '```mermaid',
    'flowchart LR',
    '  people([people, through the gateway]) --> gateway[gateway<br/>auth, limits, composition]',
    ...contexts.map((context) => `  gateway --> ${context}[${services.get(context) ?? context}<br/>${context} context]`),
  ];
  for (const from of contexts) {
    for (const to of contexts) {
      const consumed = model.events
        .filter((event) => event.context === from && event.kind === 'integration')
        .filter((event) => table.reactions.some((reaction) => reaction.on === event.type && reaction.handler.context === to))
        .map((event) => event.type);
      if (from !== to && consumed.length > 0) diagram.push(`  ${from} -- "${consumed.join('<br/>')}" --> ${to}`);
    }
  }
  diagram.push('```');
  return { diagram: diagram.join('\n'), api: api.join('\n'), streams: streams.join('\n'), flows: flows.join('\n') };
};
