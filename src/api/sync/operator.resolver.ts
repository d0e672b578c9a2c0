import { GraphQLDateTime } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { type Actor, AuditService } from '../../modules/audit/audit.service';
import type { ApiToken } from '../../modules/auth/api-token.entity';
import { ApiTokenService } from '../../modules/auth/api-token.service';
import { scopeConflict, TokenScope } from '../../modules/auth/token-scope';
import { Organisation } from '../../modules/organisation/organisation.entity';
import { OrganisationKind } from '../../modules/organisation/organisation.enums';
import { OrganisationService } from '../../modules/organisation/organisation.service';
import { ErrorCode, type FieldError, fieldError } from '../../modules/sync/field-error';
import { requireCaller } from './auth-checker';
import { FieldErrorType, OrganisationRefInput, OrganisationType } from './common.types';
import { toOrganisationType } from './mappers';
import { scopedOrganisation } from './scope';
import type { SyncContext } from './sync.context';
import { OrganisationKindEnum, TokenScopeEnum } from './sync.enums';

@InputType('CreateOrganisationInput')
export class CreateOrganisationInput {
  @Field(() => String) name!: string;
  @Field(() => OrganisationKindEnum) kind!: OrganisationKind;
  @Field(() => String, { nullable: true }) abbreviation?: string | null;
  @Field(() => String, { nullable: true, description: 'TOOI URI, e.g. https://identifier.overheid.nl/tooi/id/gemeente/gm0553' }) tooiUri?: string | null;
  @Field(() => String, { nullable: true, description: 'OIN: 20 digits.' }) oin?: string | null;
  @Field(() => OrganisationRefInput, { nullable: true }) parent?: OrganisationRefInput | null;
  @Field(() => String, { nullable: true }) website?: string | null;
  @Field(() => String, { nullable: true, description: 'A functional mailbox only.' }) email?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
}

@InputType('UpdateOrganisationInput', { description: 'Only the fields given change; null clears an optional field.' })
export class UpdateOrganisationInput {
  @Field(() => OrganisationRefInput) organisation!: OrganisationRefInput;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => OrganisationKindEnum, { nullable: true }) kind?: OrganisationKind | null;
  @Field(() => String, { nullable: true }) abbreviation?: string | null;
  @Field(() => String, { nullable: true }) tooiUri?: string | null;
  @Field(() => String, { nullable: true }) oin?: string | null;
  @Field(() => String, { nullable: true }) website?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
}

@InputType('MoveOrganisationInput')
export class MoveOrganisationInput {
  @Field(() => OrganisationRefInput) organisation!: OrganisationRefInput;
  @Field(() => OrganisationRefInput, { nullable: true, description: 'The new parent; null moves the organisation to the top of the tree.' }) parent?: OrganisationRefInput | null;
}

@ObjectType('OrganisationPayload')
export class OrganisationPayload {
  @Field(() => OrganisationType, { nullable: true }) organisation!: OrganisationType | null;
  @Field(() => [FieldErrorType]) errors!: FieldErrorType[];
}

@ObjectType('ApiToken', { description: 'A token, without its secret.' })
export class ApiTokenType {
  @Field(() => ID) id!: string;
  @Field(() => String) prefix!: string;
  @Field(() => String) name!: string;
  @Field(() => [TokenScopeEnum]) scopes!: TokenScope[];
  @Field(() => OrganisationType) organisation!: OrganisationType;
  @Field(() => GraphQLDateTime) createdAt!: Date;
  @Field(() => GraphQLDateTime, { nullable: true }) expiresAt!: Date | null;
  @Field(() => GraphQLDateTime, { nullable: true }) revokedAt!: Date | null;
  @Field(() => GraphQLDateTime, { nullable: true }) lastUsedAt!: Date | null;
}

@InputType('CreateApiTokenInput')
export class CreateApiTokenInput {
  @Field(() => OrganisationRefInput) organisation!: OrganisationRefInput;
  @Field(() => String) name!: string;
  @Field(() => [TokenScopeEnum]) scopes!: TokenScope[];
  @Field(() => Int, { nullable: true, description: 'Days until the token expires; default TOKEN_DEFAULT_EXPIRY_DAYS (365).' }) expiresInDays?: number | null;
  @Field(() => Boolean, { defaultValue: false, description: 'A token that never expires (not with expiresInDays).' }) noExpiry!: boolean;
}

@ObjectType('CreateApiTokenPayload')
export class CreateApiTokenPayload {
  @Field(() => String, { nullable: true, description: 'The secret, shown this once: only its hash is stored.' }) token!: string | null;
  @Field(() => ApiTokenType, { nullable: true }) apiToken!: ApiTokenType | null;
  @Field(() => [FieldErrorType]) errors!: FieldErrorType[];
}

@ObjectType('RevokeApiTokenPayload')
export class RevokeApiTokenPayload {
  @Field(() => ApiTokenType, { nullable: true }) apiToken!: ApiTokenType | null;
  @Field(() => [FieldErrorType]) errors!: FieldErrorType[];
}

function toTokenType(t: ApiToken): ApiTokenType {
  return {
    id: t.id,
    prefix: t.prefix,
    name: t.name,
    scopes: t.scopes,
    organisation: toOrganisationType(t.organisation),
    createdAt: t.createdAt,
    expiresAt: t.expiresAt,
    revokedAt: t.revokedAt,
    lastUsedAt: t.lastUsedAt,
  };
}

/** Register operators: the organisation tree and API tokens, register-wide. */
@Authorized(TokenScope.OPERATOR)
@Resolver()
export class OperatorResolver {
  @Mutation(() => OrganisationPayload, { description: 'Creates an organisation, identified by TOOI URI and/or OIN.' })
  async createOrganisation(@Arg('input', () => CreateOrganisationInput) input: CreateOrganisationInput, @Ctx() ctx: SyncContext): Promise<OrganisationPayload> {
    const { parent: parentRef, ...fields } = input;
    const parent = parentRef ? await scopedOrganisation(ctx, parentRef, ['parent'], { registerWide: true }) : null;
    if (parent?.error) return { organisation: null, errors: [parent.error] };
    return this.write(ctx, 'createOrganisation', (em) => new OrganisationService(em).create({ ...fields }, parent?.value ?? null));
  }

  @Mutation(() => OrganisationPayload)
  async updateOrganisation(@Arg('input', () => UpdateOrganisationInput) input: UpdateOrganisationInput, @Ctx() ctx: SyncContext): Promise<OrganisationPayload> {
    const { organisation: ref, ...fields } = input;
    const target = await scopedOrganisation(ctx, ref, ['organisation'], { registerWide: true });
    if (target.error) return { organisation: null, errors: [target.error] };
    return this.write(ctx, 'updateOrganisation', async (em) => new OrganisationService(em).update(await em.findOneOrFail(Organisation, target.value.id), { ...fields }));
  }

  @Mutation(() => OrganisationPayload, { description: 'Moves an organisation in the tree (under another parent, or to the top).' })
  async moveOrganisation(@Arg('input', () => MoveOrganisationInput) input: MoveOrganisationInput, @Ctx() ctx: SyncContext): Promise<OrganisationPayload> {
    const target = await scopedOrganisation(ctx, input.organisation, ['organisation'], { registerWide: true });
    if (target.error) return { organisation: null, errors: [target.error] };
    const parent = input.parent ? await scopedOrganisation(ctx, input.parent, ['parent'], { registerWide: true }) : null;
    if (parent?.error) return { organisation: null, errors: [parent.error] };
    return this.write(ctx, 'moveOrganisation', async (em) =>
      new OrganisationService(em).move(await em.findOneOrFail(Organisation, target.value.id), parent?.value ? em.getReference(Organisation, parent.value.id) : null),
    );
  }

  @Query(() => [ApiTokenType], { description: 'Tokens of an organisation (default: every token).' })
  async apiTokens(@Ctx() ctx: SyncContext, @Arg('organisation', () => OrganisationRefInput, { nullable: true }) ref?: OrganisationRefInput | null): Promise<ApiTokenType[]> {
    const organisation = ref ? await scopedOrganisation(ctx, ref, ['organisation'], { registerWide: true }) : null;
    if (organisation?.error) return [];
    return (await new ApiTokenService(ctx.em).list(organisation?.value)).map(toTokenType);
  }

  @Mutation(() => CreateApiTokenPayload, { description: 'Issues a token for an organisation; the secret is in this answer only.' })
  async createApiToken(@Arg('input', () => CreateApiTokenInput) input: CreateApiTokenInput, @Ctx() ctx: SyncContext): Promise<CreateApiTokenPayload> {
    const caller = requireCaller(ctx);
    const organisation = await scopedOrganisation(ctx, input.organisation, ['organisation'], { registerWide: true });
    if (organisation.error) return { token: null, apiToken: null, errors: [organisation.error] };
    const errors: FieldError[] = [];
    if (!input.name.trim() || input.name.length > 200) errors.push(fieldError(['name'], ErrorCode.INVALID_FORMAT, 'A token name is 1 to 200 characters.'));
    if (!input.scopes.length) errors.push(fieldError(['scopes'], ErrorCode.REQUIRED, 'A token needs at least one scope.'));
    const conflict = scopeConflict(input.scopes);
    if (conflict) errors.push(fieldError(['scopes'], ErrorCode.INVALID_FORMAT, `${conflict}.`));
    if (input.expiresInDays != null && input.expiresInDays < 1) errors.push(fieldError(['expiresInDays'], ErrorCode.INVALID_FORMAT, 'expiresInDays is 1 or more.'));
    if (input.expiresInDays != null && input.noExpiry) errors.push(fieldError(['noExpiry'], ErrorCode.CONTRADICTION, 'Give expiresInDays or noExpiry: true, not both.'));
    if (errors.length) return { token: null, apiToken: null, errors };
    return ctx.em.fork().transactional(async (em) => {
      const created = await new ApiTokenService(em).create({ organisation: em.getReference(Organisation, organisation.value.id), name: input.name, scopes: input.scopes, expiresInDays: input.expiresInDays, noExpiry: input.noExpiry ?? false });
      await new AuditService(em).record(caller.actor, [{ operation: 'createApiToken', outcome: 'CREATED', targetOrganisationId: organisation.value.id, details: { prefix: created.apiToken.prefix, scopes: input.scopes } }]);
      created.apiToken.organisation = organisation.value;
      return { token: created.token, apiToken: toTokenType(created.apiToken), errors: [] };
    });
  }

  @Mutation(() => RevokeApiTokenPayload, { description: 'Revokes a token by its public prefix (or id); it stops working at once.' })
  async revokeApiToken(@Arg('prefix', () => String) prefix: string, @Ctx() ctx: SyncContext): Promise<RevokeApiTokenPayload> {
    const caller = requireCaller(ctx);
    return ctx.em.fork().transactional(async (em) => {
      const revoked = await new ApiTokenService(em).revoke(prefix);
      if (!revoked) return { apiToken: null, errors: [fieldError(['prefix'], ErrorCode.NOT_FOUND, `No token with prefix ${prefix}.`)] };
      await new AuditService(em).record(caller.actor, [{ operation: 'revokeApiToken', outcome: 'REVOKED', targetOrganisationId: revoked.organisation.id, details: { prefix: revoked.prefix } }]);
      return { apiToken: toTokenType(revoked), errors: [] };
    });
  }

  private async write(
    ctx: SyncContext,
    operation: string,
    act: (em: SyncContext['em']) => Promise<{ organisation: Organisation | null; errors: FieldError[] }>,
  ): Promise<OrganisationPayload> {
    const actor: Actor = requireCaller(ctx).actor;
    return ctx.em.fork().transactional(async (em) => {
      const result = await act(em);
      await new AuditService(em).record(actor, [
        {
          operation,
          outcome: result.errors.length ? 'FAILED' : 'CHANGED',
          targetOrganisationId: result.organisation?.id ?? null,
          details: result.errors.length ? { errors: result.errors.map((e) => ({ code: e.code, path: e.path })) } : null,
        },
      ]);
      if (result.organisation) await em.populate(result.organisation, ['parent']);
      return { organisation: result.organisation ? toOrganisationType(result.organisation) : null, errors: result.errors };
    });
  }
}
