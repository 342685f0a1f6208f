import { Field, ObjectType } from '@nestjs/graphql';
import { Column, PrimaryColumn } from 'typeorm';

/**
 * Päätöskirje as a service stores it beside its decision (libs/documents renders it): one row per
 * decision, the PDF and its hash, with the decision's retention class. Each service's letter table
 * extends these columns, and its GraphQL letter type these fields.
 */
export abstract class StoredLetterColumns {
  @PrimaryColumn({ name: 'decision_id', type: 'uuid' })
  decisionId: string;

  @Column({ type: 'text' })
  language: 'FI' | 'SV';

  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ type: 'bytea' })
  content: Buffer;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ name: 'retention_class', type: 'text' })
  retentionClass: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@ObjectType({ isAbstract: true })
export abstract class StoredLetterFields {
  @Field(() => String, { description: 'FI or SV' })
  language: string;

  @Field(() => String)
  contentType: string;

  @Field(() => String, { description: 'The PDF, base64' })
  base64: string;

  @Field(() => String, { description: 'SHA-256 of the PDF, hex' })
  sha256: string;

  @Field(() => String, { description: 'Säilytysluokka: the retention class the letter is kept by (a decision letter: its decision’s)' })
  retentionClass: string;

  @Field(() => Date)
  createdAt: Date;
}

/** A stored letter as the graph shows it. */
export function letterFields(row: Omit<StoredLetterColumns, 'decisionId'>): StoredLetterFields {
  return { language: row.language, contentType: row.contentType, base64: row.content.toString('base64'), sha256: row.sha256, retentionClass: row.retentionClass, createdAt: row.createdAt };
}
