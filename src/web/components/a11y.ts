import { cloneElement, isValidElement, type ReactNode } from 'react';

/**
 * Keyboard access to scrolling tables (WCAG 2.1.1, axe "scrollable-region-focusable"; issue 16 item 19): a wide
 * antd table scrolls sideways inside `.ant-table-content` / `.ant-table-body`, which a keyboard user cannot reach
 * unless it is focusable. antd has no prop for it, so one observer gives every such region tabindex=0 (focus
 * ring from the browser; arrow keys then scroll it).
 */
/**
 * Text for screen readers only (the usual clip pattern): a control whose visible text is short (a province tile's
 * "粤 6") is read in full without an aria-label that differs from what is shown (axe label-content-name-mismatch).
 */
export const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;

const SCROLL_REGIONS = '.ant-table-content, .ant-table-body';

function mark(root: ParentNode) {
  for (const el of root.querySelectorAll<HTMLElement>(SCROLL_REGIONS)) {
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0');
  }
}

export function focusableScrollRegions(root: HTMLElement = document.body): () => void {
  mark(root);
  let queued = false;
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      mark(root);
    });
  });
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}

/**
 * A form control without a visible label of its own — a cell of an editable table, a row of a row editor after the
 * first, a toolbar filter — named for screen readers (WCAG 1.3.1/4.1.2): `aria-label` set on the control (antd passes it
 * to the input or combobox), `label · n` for the n-th row of a list. Controls that have a name already keep it.
 */
export function labelled(control: ReactNode, label: ReactNode, row?: number): ReactNode {
  if (!isValidElement<{ 'aria-label'?: string }>(control) || typeof label !== 'string' || control.props['aria-label']) return control;
  return cloneElement(control, { 'aria-label': row === undefined ? label : `${label} · ${row + 1}` });
}
