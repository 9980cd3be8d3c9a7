import { Controller, Get, type INestApplication } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { Test } from '@nestjs/testing';
import type { Actor } from '@tendril/shared/event-store';
import { GraphQLError } from 'graphql';
import request from 'supertest';
import type { AuthenticatedUser } from '../authenticated-user';
import { AuthService } from '../auth.service';
import { CurrentActor, CurrentUser, Public, Roles } from './auth.decorators';
import { AuthModule } from './auth.module';
import { JwtAuthGuard } from './jwt-auth.guard';

const environment = { AUTH_SIGNING_KEY: 'a-signing-key-for-the-guard-spec-0123456789' };

@Controller('things')
class ThingsController {
  @Get('mine')
  mine(@CurrentActor() actor: Actor, @CurrentUser() user: AuthenticatedUser) {
    return { actor, displayName: user.displayName };
  }

  @Get('awards')
  @Roles('commissioner', 'admin')
  awards() {
    return { awards: [] };
  }

  @Get('open')
  @Public()
  open(@CurrentActor({ optional: true }) actor: Actor | null) {
    return { actor };
  }
}

const provider: AuthenticatedUser = { userId: 'user-yasmin', role: 'provider', organisationId: 'org-brightpath', displayName: 'Yasmin' };
const commissioner: AuthenticatedUser = { userId: 'user-clara', role: 'commissioner', organisationId: 'org-northmoor', displayName: 'Clara' };

describe('JwtAuthGuard', () => {
  let app: INestApplication;
  let auth: AuthService;
  const bearer = async (user: AuthenticatedUser) => `Bearer ${(await auth.issueAccessToken(user)).accessToken}`;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot({ ignoreEnvFile: true }), AuthModule.forRoot({ environment })],
      controllers: [ThingsController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    auth = app.get(AuthService);
  });

  afterAll(() => app.close());

  describe('on a REST handler', () => {
    it('refuses a request without a token with 401 and a readable message', async () => {
      const response = await request(app.getHttpServer()).get('/things/mine').expect(401);

      expect(response.body).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining('You are not signed in') });
    });

    it('gives the handler the actor and the display name of a signed-in user', async () => {
      const response = await request(app.getHttpServer())
        .get('/things/mine')
        .set('Authorization', await bearer(provider))
        .expect(200);

      expect(response.body).toEqual({
        actor: { userId: 'user-yasmin', role: 'provider', organisationId: 'org-brightpath' },
        displayName: 'Yasmin',
      });
    });

    it('refuses a tampered token', async () => {
      const token = await bearer(provider);

      const response = await request(app.getHttpServer()).get('/things/mine').set('Authorization', `${token}x`).expect(401);

      expect(response.body.reason).toBe('bad_signature');
    });

    it('refuses a user without a required role with 403 naming the roles', async () => {
      const response = await request(app.getHttpServer())
        .get('/things/awards')
        .set('Authorization', await bearer(provider))
        .expect(403);

      expect(response.body).toMatchObject({ code: 'FORBIDDEN', requiredRoles: ['commissioner', 'admin'] });
      expect(response.body.message).toContain("'commissioner', 'admin'");
      expect(response.body.message).toContain("signed in as 'provider'");
    });

    it('lets a user with a required role through', async () => {
      await request(app.getHttpServer())
        .get('/things/awards')
        .set('Authorization', await bearer(commissioner))
        .expect(200, { awards: [] });
    });

    it('lets anyone reach a public handler, with no actor', async () => {
      await request(app.getHttpServer()).get('/things/open').expect(200, { actor: null });
    });

    it('still refuses a bad token sent to a public handler, so an expired session is noticed', async () => {
      await request(app.getHttpServer()).get('/things/open').set('Authorization', 'Bearer nonsense').expect(401);
    });
  });

  describe('on a GraphQL resolver', () => {
    class TendersResolver {
      @Roles('commissioner')
      publishTender() {
        return true;
      }
      tenders() {
        return [];
      }
    }
    const resolverContext = (headers: Record<string, string>, handler: keyof TendersResolver) => {
      const req: { headers: Record<string, string>; user?: AuthenticatedUser } = { headers };
      const host = new ExecutionContextHost([{}, {}, { req }, {}], TendersResolver, TendersResolver.prototype[handler]);
      host.setType('graphql');
      return { host, req };
    };
    const rejectionOf = async (promise: Promise<unknown>) => {
      const error: unknown = await promise.then(
        () => undefined,
        (rejection: unknown) => rejection,
      );
      if (!(error instanceof GraphQLError)) throw new Error(`expected a GraphQLError, got ${String(error)}`);
      return error;
    };

    it('refuses an unauthenticated call with code UNAUTHENTICATED', async () => {
      const { host } = resolverContext({}, 'tenders');

      const error = await rejectionOf(app.get(JwtAuthGuard).canActivate(host));

      expect(error.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'missing_credentials' });
      expect(error.message).toContain('You are not signed in');
    });

    it('puts the user on the request for the resolver', async () => {
      const { host, req } = resolverContext({ authorization: await bearer(provider) }, 'tenders');

      await expect(app.get(JwtAuthGuard).canActivate(host)).resolves.toBe(true);
      expect(req.user).toEqual(provider);
    });

    it('refuses a wrong role with code FORBIDDEN naming the required roles', async () => {
      const { host } = resolverContext({ authorization: await bearer(provider) }, 'publishTender');

      const error = await rejectionOf(app.get(JwtAuthGuard).canActivate(host));

      expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', requiredRoles: ['commissioner'] });
    });
  });
});
