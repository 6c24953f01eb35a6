import ExcelJS from 'exceljs';
import { auditActionLabel, auditObjectLabel } from '../../../domain/audit-labels.js';
import type { AuditRow } from './audit.repo.js';

export const presentAuditEntry = (r: AuditRow) => ({
  id: r.id, at: r.at.toISOString(), actorKind: r.actorKind, actorUsername: r.actorUsername, actorRole: r.actorRole,
  action: r.action, objectType: r.objectType, objectId: r.objectId, ip: r.ip, requestId: r.requestId, digest: r.digest, hash: r.hash,
});

const shanghai = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

/** The trail as an .xlsx sheet: Beijing time, the action and object in words beside their codes; a last row when rows were left out. */
export async function auditWorkbook(items: AuditRow[], total: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '再制造公共信息服务平台';
  const ws = wb.addWorksheet('审计日志');
  ws.columns = [
    { header: '序号 #', key: 'id', width: 9 },
    { header: '时间（北京时间）Time (CST)', key: 'at', width: 21 },
    { header: '操作人 User', key: 'actor', width: 16 },
    { header: '操作 Action', key: 'action', width: 30 },
    { header: '操作代码 Code', key: 'code', width: 28 },
    { header: '对象 Object', key: 'object', width: 16 },
    { header: '对象编号 Object id', key: 'objectId', width: 38 },
    { header: 'IP', key: 'ip', width: 16 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const r of items) {
    ws.addRow({
      id: r.id, at: shanghai.format(r.at).replaceAll('/', '-'), actor: r.actorUsername ?? '—', action: auditActionLabel(r.action).zh, code: r.action,
      object: auditObjectLabel(r.objectType).zh, objectId: r.objectId ?? '', ip: r.ip ?? '',
    });
  }
  if (total > items.length) ws.addRow({ id: `共 ${total} 条，仅导出最新 ${items.length} 条；请缩小筛选范围 / ${total} entries, the newest ${items.length} exported` });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
