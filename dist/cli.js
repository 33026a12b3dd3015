#!/usr/bin/env node
/** The command-line entry point: `encord-annotator-eval`. */
process.stdout.write('encord-annotator-eval CLI\n');
