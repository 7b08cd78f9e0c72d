import { describe, expect, it } from 'vitest';
import { mosquittoAcl } from './mosquitto-acl';

describe('mosquittoAcl', () => {
  it('gives terminals their own topic, gateways their terminals’ topics, the workers the shared subscription', () => {
    const acl = mosquittoAcl({ workerUsername: 'rp-ingest', gateways: [{ id: 'gw1', terminals: ['t1', 't2'] }], generatedAt: new Date(0) });
    expect(acl).toContain('pattern write rp/t/%u/data');
    expect(acl).toContain('user rp-ingest\ntopic read $share/rp-ingest/rp/t/+/data');
    expect(acl).toContain('user gw1\ntopic write rp/t/t1/data\ntopic write rp/t/t2/data\n');
  });
});
