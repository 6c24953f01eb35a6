import { Button, Flex } from 'antd';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { connectionData } from '../../../domain/monitoring/provisioning-sheet';
import { isRegionCode, regionName, type Locale } from '../../../domain/regions';
import { tileProvinceOf, findTile } from '../../../domain/monitoring/province-tiles';
import { formatDateTime } from '../../format';
import { useLocale } from '../../i18n';
import type { BulkProvisioned } from './devicesApi';

/** The MQTT address devices connect to: an external broker's URL, or the platform's host with the embedded broker's port. */
export function mqttAddress(mqtt: BulkProvisioned['mqtt']): string | null {
  if (!mqtt) return null;
  return mqtt.url ?? (mqtt.port !== null ? `mqtt://${window.location.hostname}:${mqtt.port}` : null);
}

/** Printed, only the sheet shows (the app around it is hidden); on screen it is a page over the app. */
const PRINT_CSS = `
.provisioning-sheet { position: fixed; inset: 0; z-index: 2000; overflow: auto; background: #fff; color: #000; padding: 24px 32px; }
.provisioning-sheet .sheet-card { break-inside: avoid; page-break-inside: avoid; border: 1px solid #999; border-radius: 4px; padding: 12px; margin-bottom: 12px; display: flex; gap: 16px; }
.provisioning-sheet dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; font-size: 13px; }
.provisioning-sheet dt { color: #444; }
.provisioning-sheet dd { margin: 0; font-family: ui-monospace, Menlo, Consolas, monospace; word-break: break-all; }
@media print {
  body > *:not(.provisioning-sheet-root) { display: none !important; }
  .provisioning-sheet { position: static; padding: 0; overflow: visible; }
  .provisioning-sheet .no-print { display: none !important; }
}`;

/**
 * 设备接入单: one card per device with its connection data and a QR code of them (JSON: MQTT address, client id,
 * username, password, telemetry topic, HTTP ingest URL — domain/monitoring/provisioning-sheet.ts). Made in the browser
 * from the provisioning answer: the platform keeps no plain password, so the sheet exists only while it is shown.
 */
export function ProvisioningSheet({ result, onClose }: { result: BulkProvisioned; onClose: () => void }) {
  const { t, locale, pick } = useLocale();
  const [qr, setQr] = useState<Record<string, string>>({});
  const mqtt = mqttAddress(result.mqtt);
  const [madeAt] = useState(() => new Date().toISOString());

  useEffect(() => {
    let live = true;
    void import('qrcode').then(async (QR) => {
      const out: Record<string, string> = {};
      for (const d of result.devices) {
        const data = connectionData({ deviceId: d.device.id, clientId: d.credentials.clientId, password: d.credentials.password, mqttUrl: mqtt, httpBase: window.location.origin });
        out[d.device.id] = await QR.toDataURL(JSON.stringify(data), { errorCorrectionLevel: 'M', margin: 2, scale: 4 });
      }
      if (live) setQr(out);
    });
    return () => {
      live = false;
    };
  }, [result, mqtt]);

  const ready = Object.keys(qr).length === result.devices.length;
  return createPortal(
    <div className="provisioning-sheet-root">
      <style>{PRINT_CSS}</style>
      <div className="provisioning-sheet" role="dialog" aria-label={t('monitoring.sheet.title')} data-testid="provisioning-sheet" data-ready={ready ? 'yes' : 'no'}>
        <Flex justify="space-between" align="baseline" wrap>
          <div>
            <h1 style={{ fontSize: 22, margin: 0 }}>{t('monitoring.sheet.title')}</h1>
            <p style={{ margin: '4px 0 8px' }}>{t('monitoring.sheet.sub', { n: result.devices.length, at: formatDateTime(madeAt, locale) })}</p>
          </div>
          <Flex gap={8} className="no-print">
            <Button type="primary" onClick={() => window.print()} disabled={!ready} data-testid="sheet-print">
              {t('monitoring.sheet.printNow')}
            </Button>
            <Button onClick={onClose} data-testid="sheet-close">
              {t('monitoring.sheet.close')}
            </Button>
          </Flex>
        </Flex>
        <p style={{ border: '1px solid #000', padding: '6px 8px', fontWeight: 600 }}>{t('monitoring.sheet.confidential')}</p>
        {result.devices.map((d) => {
          const region = regionLabel(d.device.regionCode, locale, pick);
          return (
            <section className="sheet-card" key={d.device.id} data-testid="sheet-card">
              {qr[d.device.id] ? <img src={qr[d.device.id]} width={200} height={200} alt={`${t('monitoring.sheet.qr')} — ${d.device.name}`} /> : <div style={{ width: 200, height: 200 }} />}
              <div style={{ flex: 1, minWidth: 0 }}>
                <h2 style={{ fontSize: 16, margin: '0 0 6px' }}>
                  {d.device.name} <span style={{ fontWeight: 400 }}>· {d.device.productCode}</span>
                </h2>
                <dl>
                  {mqtt ? (
                    <>
                      <dt>{t('monitoring.sheet.mqtt')}</dt>
                      <dd>{mqtt}</dd>
                    </>
                  ) : null}
                  <dt>{t('monitoring.sheet.clientId')}</dt>
                  <dd>{d.credentials.clientId}</dd>
                  <dt>{t('monitoring.sheet.username')}</dt>
                  <dd>{d.credentials.username}</dd>
                  <dt>{t('monitoring.sheet.password')}</dt>
                  <dd data-testid="sheet-password">{d.credentials.password}</dd>
                  <dt>{t('monitoring.sheet.topic')}</dt>
                  <dd>{`reman/v1/devices/${d.device.id}/telemetry`}</dd>
                  <dt>{t('monitoring.sheet.http')}</dt>
                  <dd>{`${window.location.origin}/api/v1/devices/${d.device.id}/telemetry`}</dd>
                  {region ? (
                    <>
                      <dt>{t('monitoring.sheet.region')}</dt>
                      <dd>{region}</dd>
                    </>
                  ) : null}
                </dl>
                <p style={{ fontSize: 12, margin: '6px 0 0' }}>{t('monitoring.sheet.qr')}</p>
              </div>
            </section>
          );
        })}
      </div>
    </div>,
    document.body,
  );
}

/** The installation region's name: the mainland's from regions.ts, 台湾/香港/澳门 from the tile grid, else the code. */
export function regionLabel(code: string | null, locale: Locale, pick: (t: { zh: string; en: string }) => string): string | null {
  if (!code) return null;
  if (isRegionCode(code)) return regionName(code, locale);
  const tile = findTile(tileProvinceOf(code) ?? '');
  return tile ? pick({ zh: tile.name, en: tile.nameEn }) : code;
}
