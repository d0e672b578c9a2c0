import { timeOrderedId } from './time-ordered-id';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('is a UUIDv7 whose first 48 bits are the current time in milliseconds', () => {
  const before = Date.now();
  const id = timeOrderedId();
  const after = Date.now();
  expect(id).toMatch(UUID_V7);
  const ms = parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
  expect(ms).toBeGreaterThanOrEqual(before);
  expect(ms).toBeLessThanOrEqual(after);
});

test('ids of a later millisecond sort after earlier ones, and ids do not repeat', async () => {
  const first = Array.from({ length: 1000 }, timeOrderedId);
  await new Promise((resolve) => setTimeout(resolve, 5));
  const later = timeOrderedId();
  expect(first.every((id) => id < later)).toBe(true);
  expect(new Set(first).size).toBe(first.length);
});
