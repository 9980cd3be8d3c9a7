export const AUTH_CONFIG = Symbol('AUTH_CONFIG');
export const IS_PUBLIC_KEY = 'tendril:auth:public';
export const ROLES_KEY = 'tendril:auth:roles';
