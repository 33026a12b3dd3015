/** `encord-annotator-eval --help`. */
export const HELP = `encord-annotator-eval: score annotators against a gold-standard benchmark on Encord

Usage
  encord-annotator-eval --benchmark-project HASH --training-projects HASH[,HASH…] [options]
  encord-annotator-eval --benchmark-export FILE --training-export FILE… --ontology FILE [options]
  encord-annotator-eval check-registration FILE…

Where the labels come from
  --benchmark-project HASH      benchmark project (the expert's gold labels)
  --training-projects LIST      training projects, one per annotator; comma/space separated,
                                or repeat --training-project HASH
  --ssh-private-key-file PATH   Encord private key (OpenSSH Ed25519); default: $ENCORD_SSH_KEY_FILE,
                                else the key itself in $ENCORD_SSH_KEY
  --encord-domain URL           API origin (default https://api.encord.com)
  --concurrency N               Encord requests in flight (default 8)
  --benchmark-export FILE       offline: the benchmark's label export (JSON list of label rows)
  --training-export FILE        offline: a training project's label export (repeatable)
  --ontology FILE               offline: the ontology JSON

Scoring
  --workflow-stage TITLE        stage whose tasks count (default Complete)
  --method NAME                 one-to-one (default) or encord-script
  --iou-threshold X             match threshold for one-to-one (default 0.5)

Gate (an annotator below any threshold set fails; exit code 1)
  --min-mean-iou X  --min-class-accuracy X  --min-precision X  --min-recall X  --min-f1 X

Output
  --output-dir DIR              where iou_results.csv, report.json and summary.md go
                                (default encord-annotator-eval)
  --color                       colour the table
  -v, --verbose                 log each request and show error details
  -h, --help                    this help
  -V, --version                 the version

Exit codes
  0  every annotator passed     1  an annotator failed the gate, or a project could not be scored
  2  usage error (a bad option, key or value)

Examples
  export ENCORD_SSH_KEY_FILE=~/.ssh/encord_ed25519
  encord-annotator-eval --benchmark-project 0a1b… --training-projects 2c3d…,4e5f… --min-f1 0.8
  encord-annotator-eval --method encord-script --benchmark-project 0a1b… --training-project 2c3d…
  encord-annotator-eval --benchmark-export gold.json --training-export alice.json \\
      --training-export bob.json --ontology ontology.json
  encord-annotator-eval check-registration data/*.json
`
