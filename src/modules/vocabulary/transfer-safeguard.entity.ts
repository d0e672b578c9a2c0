import { Entity } from '@mikro-orm/core';
import { VocabularyTermEntity } from './vocabulary-term.entity';

/** Safeguards for transfers outside the EU (AVG art. 45, 46, 49). */
@Entity({ tableName: 'transfer_safeguard' })
export class TransferSafeguard extends VocabularyTermEntity {}
