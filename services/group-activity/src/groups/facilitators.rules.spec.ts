import { DomainError } from '@asw/platform';
import { validateFacilitators } from './facilitators.rules';

describe('validateFacilitators', () => {
  it('trims worker ids', () => {
    expect(validateFacilitators([' w-1 ', 'w-2'])).toEqual(['w-1', 'w-2']);
  });

  it.each([
    { name: 'nobody', ids: [] as string[] },
    { name: 'an empty id', ids: ['w-1', ' '] },
    { name: 'the same worker twice', ids: ['w-1', 'w-1'] },
    { name: 'eleven workers', ids: Array.from({ length: 11 }, (_, i) => `w-${i}`) },
  ])('refuses $name as BAD_USER_INPUT', ({ ids }) => {
    expect(() => validateFacilitators(ids)).toThrow(DomainError);
  });
});
