/**
 * What `npm start` prints for a person once the server listens (docs/ux.md "Newcomer"): the pages to open and, with
 * demo data, the demo logins and where to start, in plain text. Production (NODE_ENV=production) prints nothing:
 * its log stays JSON only.
 */
export function startBanner(o: { port: number; host: string; demo: boolean; demoPassword: string }): string {
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
