import 'reflect-metadata';
import { bootstrapService } from '@tendril/shared/platform';
import { BiddingServiceModule, DEFAULT_PORT, SERVICE_NAME } from './app/bidding-service.module';

void bootstrapService(SERVICE_NAME, DEFAULT_PORT, BiddingServiceModule);
