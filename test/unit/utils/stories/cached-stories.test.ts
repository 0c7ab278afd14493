import { describe, expect, it } from 'vitest';
import { readCachedStories, type CachedStories } from '@/utils/stories/cached-stories';

const ID = '17900000000000001';
const read: CachedStories = {
  highlightId: ID,
  fetchedAt: 1_800_000_000_000,
  content: {
    kind: 'read',
    shape: 'reels',
    stories: {
      highlightId: ID,
      title: 'Mars',
      ownerId: '528817151',
      ownerUsername: 'nasa',
      mediaCount: 1,
      stories: [
        {
          id: '31234567890123456789',
          mediaType: 'video',
          takenAt: 1_767_225_600_000,
          mediaUrl: 'https://scontent.cdninstagram.com/v.mp4',
          thumbnailUrl: null,
          videoDuration: 5.25,
          linksExpireAt: null,
        },
      ],
    },
  },
};
const raw: CachedStories = { highlightId: ID, fetchedAt: 1, content: { kind: 'raw', raw: '{"x":1}', detail: 'no reel items in any known shape' } };

describe('readCachedStories', () => {
  it('reads back what the background stores, either kind', () => {
    expect(readCachedStories(structuredClone(read), ID)).toEqual(read);
    expect(readCachedStories(structuredClone(raw), ID)).toEqual(raw);
  });

  it('refuses another highlight’s entry, and one whose stories are another highlight’s', () => {
    expect(readCachedStories(read, '17900000000000002')).toBeNull();
    const mixed = { ...read, content: { ...read.content, stories: { ...(read.content as { stories: object }).stories, highlightId: '2' } } };
    expect(readCachedStories(mixed, ID)).toBeNull();
  });

  it.each([
    ['not an object', 'junk'],
    ['null', null],
    ['no time', { ...read, fetchedAt: 'now' }],
    ['an unknown kind', { ...read, content: { kind: 'other' } }],
    ['a raw answer without its text', { ...raw, content: { kind: 'raw', detail: 'x' } }],
    ['a story id that is a number', { ...read, content: { ...read.content, stories: { ...(read.content as { stories: object }).stories, stories: [{ id: 3 }] } } }],
    [
      'a story of an unknown media type',
      {
        ...read,
        content: {
          ...read.content,
          stories: {
            ...(read.content as { stories: object }).stories,
            stories: [{ ...(read.content as Extract<CachedStories['content'], { kind: 'read' }>).stories.stories[0], mediaType: 'reel' }],
          },
        },
      },
    ],
  ])('refuses %s', (_name, value) => {
    expect(readCachedStories(value, ID)).toBeNull();
  });
});
