import { Entity } from '@mikro-orm/core';
import { VocabularyTermEntity } from './vocabulary-term.entity';

/** Special categories (AVG art. 9, art. 10, BSN). */
@Entity({ tableName: 'special_category' })
export class SpecialCategory extends VocabularyTermEntity {}
