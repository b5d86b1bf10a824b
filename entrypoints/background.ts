import { handleMessages } from '@/utils/messaging/protocol';
import { translateForTab } from '@/utils/engines/service';

export default defineBackground(() => {
  handleMessages({ translate: (message) => translateForTab(message) });
});
