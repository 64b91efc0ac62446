import { describe, expect, it } from 'vitest';
import { toSlackBlocks } from '../../shared/findings/toSlackBlocks.js';
import { allNew, finding, NO_CHANGE, reportWith } from '../aws/reports.js';

describe('toSlackBlocks', () => {
  it('renders a header, a summary, one section per new finding and a context line', () => {
    const report = reportWith([finding('f1', 'HIGH')]);
    const message = toSlackBlocks(report, allNew(report));
    expect(message.text).toBe('sfn-role-audit: orders: 1 new or worse finding');
    expect(message.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'context']);
    expect(message.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'sfn-role-audit: orders: 1 new or worse finding' },
    });
    const section = message.blocks[2];
    expect(section?.type === 'section' && section.text.text).toContain('"Action": "lambda:InvokeFunction"');
  });

  it('keeps to 50 blocks, 3000-character sections and a 150-character header', () => {
    const findings = Array.from({ length: 80 }, (_, i) => finding(`f${i}`, 'HIGH', { consequence: 'c'.repeat(4000) }));
    const report = { ...reportWith(findings), stateMachine: { arn: null, name: 'n'.repeat(300) } };
    const { blocks } = toSlackBlocks(report, allNew(report));
    expect(blocks).toHaveLength(50);
    const header = blocks[0];
    expect(header?.type === 'header' && header.text.text.length).toBe(150);
    for (const block of blocks) {
      if (block.type === 'section') expect(block.text.text.length).toBeLessThanOrEqual(3000);
    }
    const more = blocks[48];
    expect(more?.type === 'section' && more.text.text).toBe('…and 34 more');
  });

  it('says all clear', () => {
    const { text, blocks } = toSlackBlocks(reportWith([]), { ...NO_CHANGE, allClear: true });
    expect(text).toBe('sfn-role-audit: orders: all clear');
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'context']);
  });
});
