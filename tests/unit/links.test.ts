import { describe, expect, it } from 'vitest';
import { LinkError, resolveNextStep, type LinkTargets } from '../../src/lib/links';

const targets: LinkTargets = {
  chapter: new Map([['complaints', '如何留证据、投诉和维权']]),
  letter: new Map([['stop-contact', '请停止联系']]),
  channel: new Map([['nfra-12378', '12378']]),
  checker: new Map([['borrower', '催收员能对借款人本人做什么']]),
  law: new Map([['pipl', '个人信息保护法']]),
};

describe('resolveNextStep', () => {
  it('maps each type to its URL and title', () => {
    expect(resolveNextStep(targets, { type: 'chapter', id: 'complaints' }, 'f')).toEqual({
      href: '/complaints/',
      text: '如何留证据、投诉和维权',
    });
    expect(resolveNextStep(targets, { type: 'letter', id: 'stop-contact' }, 'f').href).toBe('/letters/stop-contact/');
    expect(resolveNextStep(targets, { type: 'channel', id: 'nfra-12378' }, 'f').href).toBe('/help/#nfra-12378');
    expect(resolveNextStep(targets, { type: 'checker', id: 'borrower' }, 'f').href).toBe('/checker/borrower/');
  });

  it('keeps custom text and adds an anchor', () => {
    expect(resolveNextStep(targets, { type: 'law', id: 'pipl', anchor: 'art-47', text: '删除权' }, 'f')).toEqual({
      href: '/laws/pipl/#art-47',
      text: '删除权',
    });
  });

  it('fails with the file and the id for an unknown target', () => {
    expect(() => resolveNextStep(targets, { type: 'letter', id: 'stop' }, 'content/checker/rules/insult.yaml')).toThrow(
      LinkError,
    );
    expect(() => resolveNextStep(targets, { type: 'letter', id: 'stop' }, 'content/checker/rules/insult.yaml')).toThrow(
      /insult\.yaml.*letter "stop"/,
    );
  });
});
