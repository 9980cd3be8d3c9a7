import 'reflect-metadata';
import { bootstrapService } from '@tendril/shared/platform';
import { DEFAULT_PORT, SERVICE_NAME, SubcontractingServiceModule } from './app/subcontracting-service.module';

void bootstrapService(SERVICE_NAME, DEFAULT_PORT, SubcontractingServiceModule);
