import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, isEnumType } from 'graphql';
import { describeEnumValues, ENUM_LABELS, enumLabelsOf, unlabelledEnumValues } from './enum-labels';

const root = join(__dirname, '..', '..', '..', '..');
const apiSchema = buildSchema(readFileSync(join(root, 'gateway', 'api-schema.graphql'), 'utf8'));

describe('enum labels', () => {
  it('label every enum value of the API schema in Finnish, Swedish and English', () => {
    expect(unlabelledEnumValues(apiSchema)).toEqual([]);
    for (const [enumName, values] of Object.entries(ENUM_LABELS)) {
      for (const [value, labels] of Object.entries(values)) {
        for (const language of ['fi', 'sv', 'en'] as const) expect([`${enumName}.${value}.${language}`, labels[language].trim().length > 0]).toEqual([`${enumName}.${value}.${language}`, true]);
      }
    }
  });

  it('hold no labels for enums or values the graph does not have', () => {
    const stale = Object.entries(ENUM_LABELS).flatMap(([enumName, values]) => {
      const type = apiSchema.getType(enumName);
      if (!isEnumType(type)) return [enumName];
      return Object.keys(values).filter((value) => !type.getValue(value)).map((value) => `${enumName}.${value}`);
    });
    expect(stale).toEqual([]);
  });

  it('are the schema’s enum value descriptions and the published gateway/enum-labels.json', () => {
    const status = apiSchema.getType('CaseStatus');
    expect(isEnumType(status) && status.getValue('ASSESSMENT')?.description).toBe('Palvelutarpeen arviointi · sv: Bedömning av servicebehov · en: Service need assessment');
    expect(JSON.parse(readFileSync(join(root, 'gateway', 'enum-labels.json'), 'utf8'))).toEqual(enumLabelsOf(apiSchema));
  });

  it.each([
    ['a labelled value gets its description', 'enum CaseStatus { INITIATED }', 'CaseStatus', 'INITIATED', 'Vireillä · sv: Anhängig · en: Initiated', []],
    ['an unknown enum keeps no description and is reported', 'enum Mystery { X }', 'Mystery', 'X', undefined, ['Mystery.X']],
    ['an unknown value of a known enum is reported', 'enum CaseStatus { INITIATED PAUSED }', 'CaseStatus', 'PAUSED', undefined, ['CaseStatus.PAUSED']],
  ])('%s', (_label, sdl, enumName, value, description, unlabelled) => {
    const schema = describeEnumValues(buildSchema(`type Query { x: Int } ${sdl}`));
    const type = schema.getType(enumName);
    expect(isEnumType(type) && (type.getValue(value)?.description ?? undefined)).toBe(description);
    expect(unlabelledEnumValues(schema)).toEqual(unlabelled);
  });
});
