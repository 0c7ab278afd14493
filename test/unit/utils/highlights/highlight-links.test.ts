import { describe, expect, it } from 'vitest';
import { detailCurl, highlightRef, highlightStoryUrl } from '@/utils/highlights/highlight-links';

describe('what a highlight ID is used for next', () => {
  it('opens on Instagram', () => {
    expect(highlightStoryUrl('18154582366360931')).toBe('https://www.instagram.com/stories/highlights/18154582366360931/');
  });

  it('as highlight:<id>', () => {
    expect(highlightRef('18154582366360931')).toBe('highlight:18154582366360931');
  });

  it('as a ready curl command with the key as a placeholder, never a key', () => {
    expect(detailCurl('18154582366360931')).toBe(
      'curl -H "X-API-Key: $SOCIAVAULT_API_KEY" "https://api.sociavault.com/v1/scrape/instagram/highlight-detail?id=18154582366360931"',
    );
    expect(detailCurl('a:b')).toContain('?id=a%3Ab"');
  });
});
