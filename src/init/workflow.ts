/** The GitHub workflow that `energy-budget init` writes beside the budget file, and the regression gate it sets. */

/** Allowed growth of energy per inference against the base of a pull request. */
export const REGRESSION_GATE = 0.05;

/** The workflow that runs the budget on every pull request with the project's own install. Pure. */
export function renderWorkflow(configRel: string): string {
  return `# Written by \`energy-budget init\`: checks ${configRel} on every pull request.
# The CLI comes from the project's devDependencies (npm ci); the base of the pull request is
# measured in the same job for the ${REGRESSION_GATE * 100}% regression gate.
name: energy-budget

on:
  pull_request:

permissions:
  contents: read

jobs:
  energy-budget:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # the base commit is measured from git
      - uses: actions/setup-node@v4
        with:
          node-version: 24
          cache: npm
      - run: npm ci
      - run: >-
          npx energy-budget run --config ${configRel}
          --base-ref "origin/\${{ github.base_ref }}"
          --junit energy-budget.xml --markdown energy-budget.md
      - if: always()
        run: cat energy-budget.md >> "$GITHUB_STEP_SUMMARY" || true
`;
}
