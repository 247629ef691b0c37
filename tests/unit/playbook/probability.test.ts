import { describe, expect, it } from 'vitest';
import { createDefaultPlaybook, DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import { setStageProbability } from '../../../lib/playbook/edit';
import { stageProbabilities } from '../../../lib/playbook/probability';
import { parsePlaybook } from '../../../lib/playbook/schema';

/** The default playbook as a plain file, with a change. */
function file(change: (stages: Record<string, unknown>[]) => void): unknown {
  const json = JSON.parse(JSON.stringify(DEFAULT_PLAYBOOK)) as { stages: Record<string, unknown>[] };
  change(json.stages);
  return json;
}

describe('stage win probabilities in the playbook', () => {
  it('ships 10, 20, 40, 60 and 80 % for the five default stages, in order', () => {
    expect(DEFAULT_PLAYBOOK.stages.map((stage) => [stage.id, stage.probability])).toEqual([
      ['lead', 10],
      ['discovery', 20],
      ['solution', 40],
      ['negotiation', 60],
      ['after-sales', 80],
    ]);
  });

  it('loads a file written before probabilities, whose stages then take their position’s', () => {
    const result = parsePlaybook(file((stages) => stages.forEach((stage) => delete stage.probability)));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.playbook.stages.every((stage) => stage.probability === undefined)).toBe(true);
    expect([...stageProbabilities(result.playbook).values()]).toEqual([10, 20, 40, 60, 80]);
  });

  it('refuses a probability that is not a whole percent from 0 to 100, saying where', () => {
    const errorsOf = (value: unknown) => {
      const result = parsePlaybook(file((stages) => (stages[2]!.probability = value)));
      return result.ok ? [] : result.errors;
    };
    expect(errorsOf(150)).toEqual([{ path: 'stages[2].probability', message: 'Must be at most 100 %' }]);
    expect(errorsOf(-5)).toEqual([{ path: 'stages[2].probability', message: 'Must be 0 % or more' }]);
    expect(errorsOf(12.5)).toEqual([
      { path: 'stages[2].probability', message: 'Must be a whole percentage' },
    ]);
    expect(errorsOf('40')).toEqual([{ path: 'stages[2].probability', message: 'Expected a percentage' }]);
    expect(errorsOf(0)).toEqual([]);
    expect(errorsOf(100)).toEqual([]);
  });

  it('sets and clears a stage’s probability in the editor’s draft', () => {
    const set = setStageProbability(createDefaultPlaybook(), 'solution', 55);
    expect(set.stages[2]!.probability).toBe(55);
    const cleared = setStageProbability(set, 'solution', null);
    expect(cleared.stages[2]).not.toHaveProperty('probability');
    expect(stageProbabilities(cleared).get('solution')).toBe(40);
  });
});
