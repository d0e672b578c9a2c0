import { decodeIdOf, fromGlobalId, toGlobalId } from './global-id';

describe('global ids', () => {
  const uuid = '3f2b8c1e-5a4d-4e6f-9b7a-1c2d3e4f5a6b';

  it('round-trip a type and a database id', () => {
    expect(fromGlobalId(toGlobalId('Organisation', uuid))).toEqual({ type: 'Organisation', id: uuid });
  });

  it('decode only to the expected type', () => {
    expect(decodeIdOf('ProcessingActivity', toGlobalId('Organisation', uuid))).toBeNull();
    expect(decodeIdOf('Organisation', toGlobalId('Organisation', uuid))).toBe(uuid);
  });

  it.each(['', 'not-base64!', Buffer.from('Organisation:1').toString('base64url'), Buffer.from(`Secret:${uuid}`).toString('base64url'), 'x'.repeat(500)])(
    'answer null for a malformed or foreign id %#',
    (id) => expect(fromGlobalId(id)).toBeNull(),
  );
});
