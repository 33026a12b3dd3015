// The bench's annotators, from careful to sloppy, so the evaluation sees every kind of mistake.
// Shared by bench/run.mjs and bench/serve.mjs so that both serve the same dataset.
export function annotator(index) {
  const skill = (index % 5) / 4
  return {
    email: `annotator-${index + 1}@example.com`,
    jitter: 0.02 + 0.12 * skill,
    missRate: 0.02 + 0.2 * skill,
    extraRate: 0.01 + 0.1 * skill,
    wrongClassRate: 0.02 + 0.15 * skill,
    attributeErrorRate: 0.05 + 0.3 * skill,
    classificationErrorRate: 0.05 + 0.25 * skill,
    reviewerRate: 0.05,
    completedShare: index % 4 === 3 ? 0.9 : 1
  }
}
