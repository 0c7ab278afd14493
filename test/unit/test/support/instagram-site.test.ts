/**
 * The stand-in www.instagram.com and its image CDNs
 * (test/support/instagram-site.ts), as the end-to-end tests need them. No
 * browser: a Node client that trusts only the test certificate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInstagramSite, type InstagramSite } from '@/test/support/instagram-site';
import { requestOver } from '@/test/support/net';
import { createTestCertificate } from '@/test/support/tls';

const tls = createTestCertificate();

describe('fake Instagram site', () => {
  let site: InstagramSite;
  beforeAll(async () => {
    site = await startInstagramSite({ tls });
  });
  afterAll(async () => {
    await site?.close();
  });

  it('serves the SPA shell for pages and PNGs for CDN hosts', async () => {
    const page = await requestOver(site.port, '/nasa/', { ca: tls.cert, host: 'www.instagram.com' });
    expect(page.status).toBe(200);
    expect(page.text).toContain('__spaNavigate');

    for (const host of ['scontent-sea5-1.cdninstagram.com', 'instagram.fsea1-1.fna.fbcdn.net']) {
      const img = await requestOver(site.port, '/v/t51.2885-15/1_n.jpg?stp=x', { ca: tls.cert, host });
      expect(img.status).toBe(200);
      expect(img.headers['content-type']).toBe('image/png');
      expect(img.body.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    }
    expect((await requestOver(site.port, '/nasa/', { ca: tls.cert, host: 'instagram.com' })).headers.location).toBe(
      'https://www.instagram.com/nasa/',
    );
    expect((await requestOver(site.port, '/favicon.ico', { ca: tls.cert, host: 'www.instagram.com' })).status).toBe(204);
  });
});
