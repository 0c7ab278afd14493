import { describe, expect, it } from 'vitest';
import { readCachedStories, STORIES_CACHE_NAME, storiesCacheName, type CachedStories } from '@/utils/stories/cached-stories';

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

describe('readCachedStories, field by field', () => {
  type ReadContent = Extract<CachedStories['content'], { kind: 'read' }>;
  const content = read.content as ReadContent;
  const story = content.stories.stories[0]!;
  /** The read entry with its first story changed. */
  const withStory = (patch: Record<string, unknown>) => withStories({ stories: [{ ...story, ...patch }] });
  /** The read entry with its stories' record changed. */
  const withStories = (patch: Record<string, unknown>) => ({ ...read, content: { ...content, stories: { ...content.stories, ...patch } } });

  it.each([
    ['a photo', withStory({ mediaType: 'photo' })],
    ['a story that says nothing but its id and type', withStory({ takenAt: null, mediaUrl: null, thumbnailUrl: null, videoDuration: null, linksExpireAt: 1 })],
    ['a highlight without title, owner or count', withStories({ title: null, ownerId: null, ownerUsername: null, mediaCount: null })],
    ['a highlight of no stories', withStories({ stories: [] })],
    ['two good stories', withStories({ stories: [story, { ...story, id: '1' }] })],
  ])('keeps %s', (_name, value) => {
    expect(readCachedStories(structuredClone(value), ID)).toEqual(value);
  });

  it.each([
    ['a story that is null', withStories({ stories: [null] })],
    ['a story that is text', withStories({ stories: ['31234567890123456789'] })],
    ['a good story then a bad one', withStories({ stories: [story, { ...story, mediaType: 'reel' }] })],
    ['a story id as a number', withStory({ id: 31234567890 })],
    ['a story id with a letter before', withStory({ id: 'x1' })],
    ['a story id with a letter after', withStory({ id: '1x' })],
    ['an empty story id', withStory({ id: '' })],
    ['a taken-at that is text', withStory({ takenAt: '1767225600000' })],
    ['a taken-at that is not a number', withStory({ takenAt: Number.NaN })],
    ['a video length that is endless', withStory({ videoDuration: Number.POSITIVE_INFINITY })],
    ['an expiry that is text', withStory({ linksExpireAt: 'soon' })],
    ['a media URL that is a number', withStory({ mediaUrl: 5 })],
    ['a thumbnail that is an object', withStory({ thumbnailUrl: {} })],
    ['stories that are null', withStories({ stories: null })],
    ['stories that are an object', withStories({ stories: { 0: story } })],
    ['a highlight record that is null', { ...read, content: { ...content, stories: null } }],
    ['a highlight record that is text', { ...read, content: { ...content, stories: 'stories' } }],
    ['a title that is a number', withStories({ title: 5 })],
    ['an owner id that is a number', withStories({ ownerId: 528817151 })],
    ['an owner name that is missing', withStories({ ownerUsername: undefined })],
    ['a count that is text', withStories({ mediaCount: '1' })],
    ['a shape that is not text', { ...read, content: { ...content, shape: 1 } }],
    ['content that is null', { ...read, content: null }],
    ['content that is text', { ...read, content: 'raw' }],
    ['a raw answer of an unknown kind', { ...raw, content: { ...raw.content, kind: 'other' } }],
    ['a raw answer without its detail', { ...raw, content: { kind: 'raw', raw: '{}' } }],
    ['a time that is endless', { ...read, fetchedAt: Number.POSITIVE_INFINITY }],
    ['a time that is not a number', { ...read, fetchedAt: Number.NaN }],
  ])('refuses %s', (_name, value) => {
    expect(readCachedStories(value, ID)).toBeNull();
  });

  it('refuses an id asked for that is not digits, even when the entry says the same', () => {
    for (const id of ['x1', '1x', 'highlight:1']) {
      const entry = { ...raw, highlightId: id };
      expect(readCachedStories(entry, id)).toBeNull();
    }
  });
});

describe('the stories cache names', () => {
  it('are stories:<digits>, which no handle can be', () => {
    expect(storiesCacheName('17900000000000001')).toBe('stories:17900000000000001');
    expect(STORIES_CACHE_NAME.test('stories:17900000000000001')).toBe(true);
    expect(STORIES_CACHE_NAME.test('xstories:1')).toBe(false);
    expect(STORIES_CACHE_NAME.test('stories:1x')).toBe(false);
    expect(STORIES_CACHE_NAME.test('stories:')).toBe(false);
    expect(STORIES_CACHE_NAME.test('nasa')).toBe(false);
  });
});
