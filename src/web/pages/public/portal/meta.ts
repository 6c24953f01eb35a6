import { useEffect } from 'react';

/**
 * Title, description and canonical URL of a public page (the server-rendered HTML of the same path carries the
 * same three; docs/public-portal.md "Indexable pages").
 */
export function usePageMeta(title: string, description: string, path?: string) {
  useEffect(() => {
    const prev = document.title;
    document.title = `${title} — 再制造公共信息服务平台`;
    const set = (selector: string, make: () => HTMLElement, attr: string, value: string) => {
      let el = document.head.querySelector<HTMLElement>(selector);
      if (!el) {
        el = make();
        document.head.appendChild(el);
      }
      el.setAttribute(attr, value);
    };
    set('meta[name="description"]', () => Object.assign(document.createElement('meta'), { name: 'description' }), 'content', description);
    set('link[rel="canonical"]', () => Object.assign(document.createElement('link'), { rel: 'canonical' }), 'href', `${location.origin}${path ?? location.pathname}`);
    return () => {
      document.title = prev;
    };
  }, [title, description, path]);
}
