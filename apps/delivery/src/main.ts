import { runApp } from '@roster/platform';
import { createDeliveryApp } from './delivery-app';

void runApp(createDeliveryApp, (config) => config.ports.delivery);
