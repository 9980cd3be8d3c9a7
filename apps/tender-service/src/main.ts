import 'reflect-metadata';
import { bootstrapService } from '@tendril/shared/platform';
import { DEFAULT_PORT, SERVICE_NAME, TenderServiceModule } from './app/tender-service.module';

void bootstrapService(SERVICE_NAME, DEFAULT_PORT, TenderServiceModule);
