import { PROVINCE_TILES, TILE_COLS, TILE_ROWS } from '../../../domain/monitoring/province-tiles';
import { VISUALLY_HIDDEN } from '../../components/a11y';
import { useLocale } from '../../i18n';

export type TileMetric = 'units' | 'health';

/** A tile's colour: units on a blue ramp (0 → light), health from red (0) through yellow to green (100); no data grey. */
function colour(metric: TileMetric, value: number | null, max: number): { bg: string; fg: string } {
  if (value === null || (metric === 'units' && value === 0)) return { bg: '#f0f0f0', fg: '#595959' };
  if (metric === 'health') {
    const hue = Math.round(Math.max(0, Math.min(100, value)) * 1.2); // 0 red … 120 green
    return { bg: `hsl(${hue} 70% 38%)`, fg: '#fff' };
  }
  const f = max > 0 ? value / max : 0;
  const light = Math.round(78 - 44 * f); // 78 % (few) … 34 % (most)
  return { bg: `hsl(214 80% ${light}%)`, fg: light < 60 ? '#fff' : '#002766' };
}

/**
 * 设备分布（省级方块图）: the 34 provincial-level divisions as equal tiles placed roughly where they lie — a diagram,
 * not a map (no borders, no scale, no map data; domain/monitoring/province-tiles.ts). Each tile shows its value and
 * is a button: choosing one lists the province's units (the caller's list).
 */
export function ProvinceTileGrid(props: {
  metric: TileMetric;
  /** value per province code (xx0000); absent: no units there */
  values: Record<string, number | null>;
  /** units per province, shown under the value when colouring by health */
  counts?: Record<string, number>;
  selected: string | null;
  onSelect: (code: string | null) => void;
  testId?: string;
}) {
  const { t, pick } = useLocale();
  const max = Math.max(0, ...Object.values(props.values).map((v) => v ?? 0));
  return (
    <div
      role="group"
      aria-label={t('monitoring.tiles.label')}
      data-testid={props.testId ?? 'province-tiles'}
      style={{ display: 'grid', gridTemplateColumns: `repeat(${TILE_COLS}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${TILE_ROWS}, auto)`, gap: 4, maxWidth: 640 }}
    >
      {PROVINCE_TILES.map((tile) => {
        const has = tile.code in props.values;
        const value = has ? props.values[tile.code]! : null;
        const c = colour(props.metric, value, max);
        const name = pick({ zh: tile.name, en: tile.nameEn });
        const shown = value === null ? '—' : props.metric === 'health' ? String(Math.round(value)) : String(value);
        const units = props.counts?.[tile.code] ?? (props.metric === 'units' ? (value ?? 0) : 0);
        const label = props.metric === 'health' ? t('monitoring.tiles.ariaHealth', { name, value: shown, n: units }) : t('monitoring.tiles.ariaUnits', { name, n: units });
        const selected = props.selected === tile.code;
        return (
          <button
            key={tile.code}
            type="button"
            data-testid={`tile-${tile.code}`}
            data-value={value ?? ''}
            aria-pressed={selected}
            title={label}
            onClick={() => props.onSelect(selected ? null : tile.code)}
            style={{
              gridRow: tile.row + 1, gridColumn: tile.col + 1, aspectRatio: '1 / 1', minWidth: 0, border: selected ? '3px solid #fa541c' : '1px solid #fff', borderRadius: 4,
              background: c.bg, color: c.fg, cursor: 'pointer', padding: 0, display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', lineHeight: 1.15,
            }}
          >
            {/* read: the full sentence; shown: the short name and the value (no aria-label unlike the visible text, axe label-content-name-mismatch) */}
            <span aria-hidden style={{ fontSize: 15, fontWeight: 600 }}>{pick({ zh: tile.short, en: tile.nameEn.slice(0, 3) })}</span>
            <span aria-hidden style={{ fontSize: 12 }}>{shown}</span>
            <span style={VISUALLY_HIDDEN}>{label}</span>
          </button>
        );
      })}
    </div>
  );
}
