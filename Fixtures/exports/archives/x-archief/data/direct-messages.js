window.YTD.direct_messages.part0 = [
  {
    "dmConversation": {
      "conversationId": "1500000001-1500000101",
      "messages": [
        {
          "messageCreate": {
            "recipientId": "1500000101",
            "text": "Dank voor uw bericht!",
            "senderId": "1500000001",
            "createdAt": "2024-03-02T10:00:00.000Z"
          }
        }
      ]
    }
  }
]
