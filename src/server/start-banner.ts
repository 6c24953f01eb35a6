/**
 * What `npm start` prints for a person once the server listens (docs/ux.md "Newcomer"): the pages to open and, with
 * demo data, the demo logins and where to start, in plain text. Production (NODE_ENV=production) prints nothing:
 * its log stays JSON only.
 */
export function startBanner(o: {
  port: number;
  host: string;
  demo: boolean;
  demoPassword: string;
  /** MQTT ingest (docs/monitoring.md §Ingest): the embedded broker's URL (moved: 1883 was taken), or the external broker */
  mqtt?: { kind: 'embedded' | 'external'; url: string; moved: boolean } | null;
}): string {
  const host = o.host === '0.0.0.0' || o.host === '::' ? 'localhost' : o.host;
  const base = `http://${host}:${o.port}`;
  const lines = [
    '',
    '  再制造公共信息服务平台 已启动 · Reman Platform is running',
    '',
    `  登录 Log in           ${base}/login`,
    `  公开信息 Public site   ${base}/public`,
    `  接口文档 API docs      ${base}/docs`,
  ];
  if (o.mqtt?.kind === 'embedded') {
    lines.push(`  设备接入 MQTT broker    ${o.mqtt.url}  (embedded; devices: username = device id, password = device secret)`);
    if (o.mqtt.moved) lines.push(`  !!! 1883 端口已被占用 — 内置 MQTT 代理改用 ${o.mqtt.url}；设置 MQTT_PORT 可指定 · port 1883 is taken: the embedded broker uses ${o.mqtt.url}; set MQTT_PORT to choose !!!`);
  } else if (o.mqtt?.kind === 'external') lines.push(`  设备接入 MQTT broker    ${o.mqtt.url}  (external; shared subscription)`);
  else if (o.mqtt === null) lines.push('  设备接入 MQTT          off (MQTT_ENABLED=0); HTTP ingest only');
  if (o.demo) {
    lines.push(
      '',
      `  演示账号 Demo logins (password 密码: ${o.demoPassword} — demo only)`,
      '    ent-gd        企业管理员: 佛山顺德生产车间 draft, a few items from 提交申请',
      '    gd-reviewer   广东省审核员: 待办 — an application to review and forward (出具审核意见并报送)',
      '    miit          工信部管理员: 申请审核, 公示, 公告, 动态管理',
      '    expert1       专家: an expert review awaiting an opinion',
      '    ent-dg        企业管理员: the 2025 annual report to finish',
      '  README "Demo logins" lists every login and walk-through.',
    );
  }
  lines.push('');
  return lines.join('\n');
}
