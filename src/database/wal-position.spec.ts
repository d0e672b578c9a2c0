import { parseWalPosition } from './wal-position';

describe('WAL positions', () => {
  it('compare by their high part first, then their low part', () => {
    expect(parseWalPosition('1/0') > parseWalPosition('0/FFFFFFFF')).toBe(true);
    expect(parseWalPosition('0/3000060') > parseWalPosition('0/300005F')).toBe(true);
    expect(parseWalPosition('16/B374D848')).toBe(0x16b374d848n);
  });

  it('refuse anything else', () => {
    expect(() => parseWalPosition('16:B374D848')).toThrow('not a WAL position');
    expect(() => parseWalPosition('')).toThrow('not a WAL position');
  });
});
