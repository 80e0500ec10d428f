import { afterAll, beforeAll, describe, it } from 'vitest';
import { defaultScenariosDir, loadScenarios, scenariosDirVariable, stepTitle } from '../../src/scenarios.js';
import { ScenarioSession } from './session.js';

/**
 * The simulator's scenario files, one test per step (named `file#step`, as the catalogue cites it), so that a
 * behaviour takes its outcome from the very step that shows it. The steps of a file build on each other: after
 * one fails, the rest of its file is skipped (reported as not run), never passed.
 */
const dir = process.env[scenariosDirVariable] || defaultScenariosDir;

for (const scenario of loadScenarios(dir)) {
  describe(`${scenario.file}: ${scenario.name}`, () => {
    let session: ScenarioSession;
    let broken: string | undefined;
    beforeAll(async () => {
      session = await ScenarioSession.start();
    });
    afterAll(() => session.close());
    for (const [index, step] of scenario.steps.entries()) {
      const title = stepTitle(scenario.file, step, index);
      it(title, async (context) => {
        if (broken) context.skip(`an earlier step failed: ${broken}`);
        try {
          await session.play(step, title);
        } catch (error) {
          broken = title;
          throw error;
        }
      });
    }
  });
}
