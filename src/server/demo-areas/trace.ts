import type { DemoWorld } from './world.js';

/**
 * Traceability demo for 广州精工 (ent-gd): engine cores taken in, inspected, disassembled, cleaned, assessed,
 * remanufactured and reassembled into products with codes (one with a GTIN → GS1 Digital Link), tested, marked,
 * shipped, sold or leased and installed; one engine goes through three lives; every product contains piston
 * rings from the lot PR2026A, so a recall of that lot finds them all. Everything is recorded through the
 * lifecycle use cases (EPCIS events + projection), as the system, on dates in the past.
 */
export const DEMO_RECALL_LOT = 'urn:epc:class:lgtin:6901234.00001.PR2026A';

export async function seedTraceDemo(world: DemoWorld) {
  const trace = world.services.trace;
  const ent = world.enterprises.gd;
  if (!ent) return;
  const DAY = 86_400_000;
  const start = world.services.clock.now().getTime() - 400 * DAY;
  let tick = 0;
  // 生产场地 (issue 15 item 14): the engines are made at 番禺, the gearbox at 顺德 — each site's 表2-3 prefill differs
  const PANYU = '番禺一号厂区';
  const at = (days: number) => new Date(start + days * DAY + (tick++ % 60) * 60_000).toISOString();

  async function life(core: string | null, day: number, opts: { site: string; name: string; model: string; gtin?: string; returnedBy: string; channel: 'dealer' | 'service_center' | 'recycler' | 'end_user' | 'own_fleet' | 'other'; tradeIn: boolean; keep?: { epc: string; name: string }[] }) {
    const intake = await trace.stepAsSystem(ent!, 'intake', { site: opts.site, ...(core ? { coreEpc: core } : {}), name: `${opts.name}旧件`, model: opts.model, source: { returnedBy: opts.returnedBy, channel: opts.channel, tradeIn: opts.tradeIn }, eventTime: at(day) });
    const c = intake.coreEpc!;
    await trace.stepAsSystem(ent!, 'inspection', { site: opts.site, coreEpc: c, grade: 'B', result: 'accepted', measurements: [{ name: '缸孔圆度', value: 0.012, unit: 'mm' }, { name: '曲轴跳动', value: 0.03, unit: 'mm' }], eventTime: at(day + 1) });
    // The block and the connecting rod reused in the last life come out again under their own EPCs.
    const same = (name: string) => opts.keep?.find((p) => p.name === name)?.epc;
    const d = await trace.stepAsSystem(ent!, 'disassembly', { site: opts.site,
      coreEpc: c,
      parts: ['缸体', '缸盖', '曲轴', '连杆', '喷油泵'].map((name) => (same(name) ? { epc: same(name)!, name } : { name })),
      eventTime: at(day + 2),
    });
    const parts = d.parts!;
    await trace.stepAsSystem(ent!, 'cleaning', { site: opts.site, epcs: parts.map((p) => p.epc), method: '超声波清洗 + 喷丸', eventTime: at(day + 3) });
    await trace.stepAsSystem(ent!, 'assessment', { site: opts.site,
      items: [
        { epc: parts[0]!.epc, decision: 'reuse' },
        { epc: parts[1]!.epc, decision: 'remanufacture' },
        { epc: parts[2]!.epc, decision: 'remanufacture' },
        { epc: parts[3]!.epc, decision: 'reuse' },
        { epc: parts[4]!.epc, decision: 'scrap' },
      ],
      eventTime: at(day + 4),
    });
    await trace.stepAsSystem(ent!, 'process', { site: opts.site, epcs: [parts[1]!.epc], process: 'laser_cladding', parameters: '激光功率 2 kW，熔覆层 0.8 mm', eventTime: at(day + 5) });
    await trace.stepAsSystem(ent!, 'process', { site: opts.site, epcs: [parts[2]!.epc], process: 'machining', parameters: '磨削修复至 -0.25 mm 级', eventTime: at(day + 5) });
    const r = await trace.stepAsSystem(ent!, 'reassembly', { site: opts.site,
      name: opts.name,
      model: `${opts.model}-R`,
      ...(opts.gtin ? { gtin: opts.gtin } : {}),
      standardNo: 'GB/T 28672-2012',
      warrantyMonths: 12,
      eventTime: at(day + 7),
      inputs: [
        { epc: parts[0]!.epc, origin: 'reused', name: '缸体', massKg: 300, valueCny: 20_000 },
        { epc: parts[1]!.epc, origin: 'remanufactured', name: '缸盖', massKg: 60, valueCny: 9_000 },
        { epc: parts[2]!.epc, origin: 'remanufactured', name: '曲轴', massKg: 60, valueCny: 9_000 },
        { epc: parts[3]!.epc, origin: 'reused', name: '连杆', massKg: 20, valueCny: 2_000 },
        { epcClass: DEMO_RECALL_LOT, quantity: 6, origin: 'new', name: '活塞环（批次 PR2026A）', massKg: 5, valueCny: 1_000 },
        { origin: 'new', epc: `urn:epc:id:sgtin:6901234.000021.${Math.floor(start / 1000) % 100000}${tick}`, name: '新喷油泵', massKg: 30, valueCny: 4_000 },
      ],
    });
    const code = r.product!.code;
    await trace.stepAsSystem(ent!, 'test', { site: opts.site, code, result: 'pass', measurements: [{ name: '额定功率', value: 199, unit: 'kW' }, { name: '燃油消耗率', value: 198, unit: 'g/kWh' }], standardNo: 'GB/T 28672-2012', eventTime: at(day + 8) });
    await trace.stepAsSystem(ent!, 'marking', { site: opts.site, code, eventTime: at(day + 8) });
    await trace.stepAsSystem(ent!, 'shipping', { site: opts.site, codes: [code], destinationName: '华南重卡服务中心', eventTime: at(day + 9) });
    return { code, epc: r.product!.epc, parts: [parts[0]!, parts[3]!] };
  }

  // Engine A: three lives (sold, installed, returned twice)
  const a1 = await life(null, 0, { site: PANYU, name: '再制造柴油发动机', model: 'WD615', gtin: '06901234000016', returnedBy: '广州某汽车维修厂', channel: 'service_center', tradeIn: true });
  await trace.stepAsSystem(ent, 'sale', { site: PANYU, code: a1.code, customerName: '佛山顺通物流有限公司', eventTime: at(12) });
  await trace.stepAsSystem(ent, 'installation', { site: PANYU, code: a1.code, location: '佛山顺通物流 车队', equipment: '重型卡车 粤E·A1234', eventTime: at(14) });
  await trace.stepAsSystem(ent, 'removal', { site: PANYU, code: a1.code, reason: '车辆更新换代', eventTime: at(150) });
  const a2 = await life(a1.epc, 152, { site: PANYU, name: '再制造柴油发动机', model: 'WD615', returnedBy: '佛山顺通物流有限公司', channel: 'end_user', tradeIn: true, keep: a1.parts });
  await trace.stepAsSystem(ent, 'lease', { site: PANYU, code: a2.code, lesseeName: '肇庆城建工程有限公司', eventTime: at(165) });
  await trace.stepAsSystem(ent, 'installation', { site: PANYU, code: a2.code, location: '肇庆城建 工地', equipment: '混凝土搅拌车', eventTime: at(166) });
  await trace.stepAsSystem(ent, 'removal', { site: PANYU, code: a2.code, reason: '租赁到期返厂', eventTime: at(300) });
  const a3 = await life(a2.epc, 302, { site: PANYU, name: '再制造柴油发动机', model: 'WD615', returnedBy: '肇庆城建工程有限公司', channel: 'own_fleet', tradeIn: false, keep: a2.parts });
  await trace.stepAsSystem(ent, 'sale', { site: PANYU, code: a3.code, customerName: '广州穗运汽车运输有限公司', eventTime: at(315) });

  // Engines B and C: one life each
  const b = await life(null, 40, { site: PANYU, name: '再制造柴油发动机', model: 'WP10', returnedBy: '东莞某回收公司', channel: 'recycler', tradeIn: false });
  await trace.stepAsSystem(ent, 'sale', { site: PANYU, code: b.code, customerName: '东莞宏达运输有限公司', eventTime: at(52) });
  await trace.stepAsSystem(ent, 'installation', { site: PANYU, code: b.code, location: '东莞宏达运输 车队', equipment: '牵引车', eventTime: at(53) });
  await life(null, 380, { site: '佛山顺德生产车间', name: '再制造变速箱', model: 'FAST-12JS', returnedBy: '深圳某经销商', channel: 'dealer', tradeIn: true });
}
