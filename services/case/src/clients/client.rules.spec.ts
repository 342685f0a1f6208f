import { DomainError } from '@asw/platform';
import { validateClientNames } from './client.rules';

describe('validateClientNames', () => {
  it.each([
    [{ firstName: 'Aino', lastName: 'Virtanen' }, { firstName: 'Aino', lastName: 'Virtanen' }],
    [{ firstName: '  Matti  Juhani ', lastName: 'Meikäläinen' }, { firstName: 'Matti Juhani', lastName: 'Meikäläinen' }],
    [{ firstName: 'Anna-Liisa', lastName: "O'Brien" }, { firstName: 'Anna-Liisa', lastName: "O'Brien" }],
    [{ firstName: 'Áile', lastName: 'Ságat' }, { firstName: 'Áile', lastName: 'Ságat' }],
  ])('accepts and normalises %j', (input, expected) => {
    expect(validateClientNames(input)).toEqual(expected);
  });

  it.each([
    [{ firstName: '', lastName: 'Virtanen' }, 'firstName', 'must not be empty'],
    [{ firstName: 'Aino', lastName: '   ' }, 'lastName', 'must not be empty'],
    [{ firstName: 'A'.repeat(101), lastName: 'Virtanen' }, 'firstName', 'at most 100'],
    [{ firstName: 'Aino', lastName: "Robert'); DROP TABLE client;--" }, 'lastName', 'only letters'],
    [{ firstName: '-Aino', lastName: 'Virtanen' }, 'firstName', 'only letters'],
    [{ firstName: 'Aino1', lastName: 'Virtanen' }, 'firstName', 'only letters'],
  ])('refuses %j on %s', (input, field, message) => {
    let error: unknown;
    try {
      validateClientNames(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
    expect((error as Error).message).toContain(message);
  });
});
