import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Post,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AuthService, DemoSignInDisabledError, InvalidCredentialsError, Public, type DemoUser } from '@tendril/shared/auth';

export interface DemoUserView {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: DemoUser['role'];
  readonly organisationId: string | null;
  readonly organisationName: string | null;
  readonly organisationKind: DemoUser['organisationKind'];
  readonly ageBand: DemoUser['ageBand'];
  readonly description: string;
}

const view = (user: DemoUser): DemoUserView => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  role: user.role,
  organisationId: user.organisationId,
  organisationName: user.organisationName,
  organisationKind: user.organisationKind,
  ageBand: user.ageBand,
  description: user.description,
});

const credentialsFrom = (body: unknown): { username: string; password: string } => {
  const { username, password } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (typeof username !== 'string' || username.trim() === '' || typeof password !== 'string' || password === '') {
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      code: 'BAD_USER_INPUT',
      message: 'Send a JSON body with a username and a password, e.g. {"username": "clara.commissioner", "password": "..."}.',
    });
  }
  return { username, password };
};

const demoDisabled = (error: DemoSignInDisabledError) =>
  new NotFoundException({ statusCode: 404, error: 'Not Found', code: error.code, message: error.message });

/** Demo sign-in for the embedded identity mode; in jwks mode both routes explain where to sign in instead. */
@Controller('auth')
@Public()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('sign-in')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  async signIn(@Body() body: unknown) {
    const { username, password } = credentialsFrom(body);
    try {
      const { accessToken, tokenType, expiresIn, user } = await this.auth.signInDemoUser(username, password);
      return { accessToken, tokenType, expiresIn, user: view(user) };
    } catch (error) {
      if (error instanceof InvalidCredentialsError) {
        throw new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', code: error.code, message: error.message });
      }
      if (error instanceof DemoSignInDisabledError) throw demoDisabled(error);
      throw error;
    }
  }

  @Get('demo-users')
  demoUsers() {
    try {
      return {
        signIn: 'POST /auth/sign-in with {"username", "password"}; the demo password is in the README (DEMO_PASSWORD).',
        users: this.auth.listDemoUsers().map(view),
      };
    } catch (error) {
      if (error instanceof DemoSignInDisabledError) throw demoDisabled(error);
      throw error;
    }
  }
}
