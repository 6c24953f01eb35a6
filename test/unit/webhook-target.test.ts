import { describe, expect, it } from 'vitest';
import { privateAddressReason, webhookHostRefusal } from '../../src/server/modules/alarms/webhook-target.js';

describe('webhook targets (SSRF guard)', () => {
  it('refuses loopback, private, link-local, CGNAT, multicast, reserved and unspecified addresses, v4 and v6', () => {
    for (const ip of ['127.0.0.1', '127.1.2.3', '10.0.0.8', '172.16.5.4', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '240.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fd00::1', 'fc00::5', 'ff02::1', '::ffff:127.0.0.1', '::ffff:10.1.2.3', '::ffff:7f00:1']) {
      expect(privateAddressReason(ip), ip).not.toBeNull();
    }
  });
  it('accepts public addresses', () => {
    for (const ip of ['8.8.8.8', '93.184.216.34', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8']) expect(privateAddressReason(ip), ip).toBeNull();
  });
  it('refuses URLs naming this machine or network, lets public names through to the delivery-time check', () => {
    for (const u of ['http://127.0.0.1:9/x', 'http://[::1]/x', 'http://169.254.169.254/latest/meta-data', 'http://localhost:8080/', 'http://api.localhost/', 'http://printer.local/', 'http://db.internal/', 'http://intranet/', 'https://10.1.1.1/hook', 'http://0x7f000001/', 'http://2130706433/']) {
      expect(webhookHostRefusal(u), u).not.toBeNull();
    }
    for (const u of ['https://hooks.example.com/matrix', 'https://8.8.8.8/x', 'https://[2606:4700:4700::1111]/x']) expect(webhookHostRefusal(u), u).toBeNull();
  });
});
