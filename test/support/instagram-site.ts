import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RESERVED_ROUTES } from '../../utils/profile-url';
import { closeServer, listen } from './net';
import { colourFor, solidPng } from './png';
import { profileScenarios } from './scenarios';
import type { TestCertificate } from './tls';

export interface SiteHit {
  host: string;
  method: string;
  /** Path and query, as requested. */
  path: string;
  kind: 'page' | 'image' | 'redirect' | 'other';
  at: number;
}

export interface InstagramSiteOptions {
  tls: Pick<TestCertificate, 'key' | 'cert'>;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Profiles linked from every page; defaults to the profile scenarios' usernames. */
  profiles?: string[];
}

export interface InstagramSite {
  port: number;
  /** Every request, in order. A full page load shows up as a 'page' hit; SPA navigation does not. */
  hits: SiteHit[];
  close(): Promise<void>;
}

/**
 * Plays www.instagram.com (and its image CDNs) for the browser under test.
 * Like the real site it is a single-page app: after the first load, clicks on
 * same-origin links change the URL with history.pushState and re-render in
 * place, which is exactly the case the extension's content script must follow.
 */
export async function startInstagramSite(opts: InstagramSiteOptions): Promise<InstagramSite> {
  const profiles = opts.profiles ?? profileScenarios().map((p) => p.username);
  const shell = pageShell(profiles);
  const hits: SiteHit[] = [];

  const server: Server = createServer({ key: opts.tls.key, cert: opts.tls.cert }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const path = req.url ?? '/';
    const hit = (kind: SiteHit['kind']) => hits.push({ host, method: req.method ?? 'GET', path, kind, at: Date.now() });

    if (host.endsWith('.cdninstagram.com') || host.endsWith('.fbcdn.net')) {
      hit('image');
      return sendImage(req, res, host + path);
    }
    if (host === 'instagram.com') {
      // The bare domain redirects to www, as the real one does.
      hit('redirect');
      res.writeHead(301, { Location: `https://www.instagram.com${path}` });
      return res.end();
    }
    const pathname = new URL(path, 'https://www.instagram.com').pathname;
    if (pathname === '/favicon.ico') {
      hit('other');
      res.writeHead(204);
      return res.end();
    }
    if (/\.[a-z0-9]+$/i.test(pathname)) {
      hit('other');
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      return res.end('not found');
    }
    hit('page');
    // Every route gets the same shell; the inline script renders the view, as in an SPA.
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : shell);
  });
  await listen(server, opts.port ?? 0);

  return {
    port: (server.address() as AddressInfo).port,
    hits,
    close: () => closeServer(server),
  };
}

function sendImage(req: IncomingMessage, res: ServerResponse, seed: string): void {
  const png = solidPng(64, colourFor(seed));
  res.writeHead(200, {
    'Content-Type': 'image/png',
    'Content-Length': String(png.length),
    'Cache-Control': 'max-age=3600',
    // The real CDN allows cross-origin reads; extension pages may draw covers on a canvas.
    'Access-Control-Allow-Origin': '*',
  });
  res.end(req.method === 'HEAD' ? undefined : png);
}

function pageShell(profiles: string[]): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Instagram</title>
<link rel="icon" href="/favicon.ico">
<style>
  body { font-family: sans-serif; margin: 0; }
  nav { display: flex; gap: 12px; flex-wrap: wrap; padding: 8px; border-bottom: 1px solid #ddd; }
  main { padding: 16px; }
</style>
</head>
<body>
<nav aria-label="Primary">
  <a href="/">Home</a>
  <a href="/explore/">Explore</a>
  ${profiles.map((u) => `<a href="/${encodeURI(u)}/">${escapeHtml(u)}</a>`).join('\n  ')}
</nav>
<main id="app" role="main"></main>
<script>const RESERVED_ROUTES = ${JSON.stringify([...RESERVED_ROUTES])};
${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Runs in the page. Plain ES2020, no build step. Kept deliberately small: the
 * extension only cares about the URL and that navigation happens without loads.
 */
const CLIENT_SCRIPT = String.raw`
(() => {
  // Instagram's own first path segments, never a profile: the extension's own list, written in by pageShell.
  const RESERVED = new Set(RESERVED_ROUTES);
  const USERNAME = /^[A-Za-z0-9._]{1,30}$/;

  // Builds elements from data (no HTML strings), like the project's own code must.
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
    el.append(...children);
    return el;
  }
  const link = (href, text) => h('a', { href }, text);
  const gap = () => ' ';

  function view(pathname) {
    const seg = pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const [a, b, c] = seg;
    if (!a) return ['Instagram', [h('h1', {}, 'Home'), h('p', {}, 'Your feed.'),
      link('/p/C0ffee12345/', 'A post'), gap(), link('/reel/C0ffeeReel1/', 'A reel')]];
    if (a === 'explore') return ['Explore • Instagram', [h('h1', {}, 'Explore')]];
    if (a === 'p' && b) return ['Instagram post', [h('article', { 'data-post': b }, h('h1', {}, 'Post ' + b))]];
    if (a === 'reel' && b) return ['Instagram reel', [h('article', { 'data-reel': b }, h('h1', {}, 'Reel ' + b))]];
    if (a === 'stories' && b === 'highlights' && c) return ['Stories • Instagram', [h('h1', {}, 'Highlight ' + c)]];
    if (a === 'stories' && b) return ['Stories • Instagram', [h('h1', {}, 'Story of ' + b), link('/' + b + '/', b)]];
    if (!RESERVED.has(a) && USERNAME.test(a)) return profileView(a, b, c);
    return ['Page not found • Instagram', [h('h1', {}, "Sorry, this page isn't available."), link('/', 'Go back to Instagram.')]];
  }

  function profileView(user, tab, code) {
    const base = '/' + user + '/';
    const tabs = h('nav', { 'aria-label': 'Profile tabs' },
      link(base, 'Posts'), gap(), link(base + 'reels/', 'Reels'), gap(), link(base + 'tagged/', 'Tagged'));
    const body = tab === 'p' && code
      ? h('article', { 'data-post': code }, h('h3', {}, 'Post ' + code))
      : h('section', { 'data-tab': tab || 'posts' }, h('h3', {}, tab || 'posts'),
          link(base + 'p/C0de' + user.replace(/[^A-Za-z0-9]/g, '') + '1/', 'First post'), gap(),
          link('/stories/' + user + '/3300000000000000001/', 'Story'));
    return [user + ' (@' + user + ') • Instagram photos and videos',
      [h('header', {}, h('h2', { 'data-testid': 'profile-username' }, user)), tabs, body]];
  }

  const app = document.getElementById('app');
  function render() {
    const [title, nodes] = view(location.pathname);
    document.title = title;
    app.replaceChildren(...nodes);
    document.body.dataset.path = location.pathname;
    window.__spaRenders = (window.__spaRenders || 0) + 1;
  }

  function navigate(path, replace) {
    if (replace) history.replaceState({}, '', path);
    else history.pushState({}, '', path);
    render();
  }

  document.addEventListener('click', (e) => {
    const el = e.target instanceof Element ? e.target.closest('a[href]') : null;
    if (!el || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (el.target && el.target !== '_self') return;
    const url = new URL(el.href, location.href);
    if (url.origin !== location.origin) return;
    e.preventDefault();
    if (url.pathname + url.search !== location.pathname + location.search) navigate(url.pathname + url.search);
  });
  window.addEventListener('popstate', render);

  // For tests: navigate like the app does; the id tells a reload (new id) from SPA navigation (same id).
  window.__spaNavigate = navigate;
  window.__spaLoadId = Math.random().toString(36).slice(2);
  render();
})();
`;
