import { DomainError } from '@asw/platform';
import { parseId } from './ids';

describe('parseId', () => {
  it('accepts a UUID in any case and returns it lower-case', () => {
    expect(parseId('3F2504E0-4F89-41D3-9A0C-0305E82C3301', 'id')).toBe('3f2504e0-4f89-41d3-9a0c-0305e82c3301');
  });

  it.each(['', 'x', '3f2504e0-4f89-41d3-9a0c-0305e82c330', "1' OR '1'='1", 42, null])('refuses %p as BAD_USER_INPUT naming the field', (value) => {
    try {
      parseId(value, 'groupId');
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'groupId' } });
      expect((error as Error).message).not.toContain(String(value) || 'x');
    }
  });
});
