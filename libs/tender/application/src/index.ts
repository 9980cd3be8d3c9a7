export * from './lib/tender-commands';
export * from './lib/tender-command.handlers';
export * from './lib/tender-queries';
export * from './lib/tender-read-model.port';
export * from './lib/tender-deadline.scheduler';
