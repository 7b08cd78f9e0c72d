import { describe, expect, it } from 'vitest';
import { terminalOfTopic, topicFor } from './telemetry-topics';

describe('terminal topics', () => {
  it('name one terminal, and nothing else is a data topic', () => {
    expect(terminalOfTopic(topicFor('cm1abc'))).toBe('cm1abc');
    for (const bad of ['rp/t/+/data', 'rp/t/#', 'rp/t/a/b/data', 'rp/t//data', 'rp/t/ABC/data', 'x/rp/t/a/data', 'rp/t/a/data/x']) {
      expect(terminalOfTopic(bad), bad).toBeNull();
    }
  });
});
